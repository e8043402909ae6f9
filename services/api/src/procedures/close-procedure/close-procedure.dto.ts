import type { CloseProcedure } from '@vsoko/domain';

/** Closing takes no fields: the domain checks that every decision is resolved. */
export class CloseProcedureDto {
  toCommand(procedureId: string): CloseProcedure {
    return { type: 'CloseProcedure', data: { procedureId } };
  }
}
