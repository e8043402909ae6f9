import type { CancelProcedure } from '@vsoko/domain';
import { IsText } from '../../shared/dto/rules';

export class CancelProcedureDto {
  @IsText('причина отмены', 1000, 'Процедура исключена из плана приказом № 12')
  reason!: string;

  toCommand(procedureId: string): CancelProcedure {
    return { type: 'CancelProcedure', data: { procedureId, reason: this.reason } };
  }
}
