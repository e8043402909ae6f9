import { Query } from '@nestjs/cqrs';
import type { ProcedureDocument } from '@vsoko/projections';

export class GetProcedureQuery extends Query<ProcedureDocument> {
  constructor(
    readonly procedureId: string,
    readonly waitForPosition?: number,
    readonly timeoutMs = 5_000,
  ) {
    super();
  }
}
