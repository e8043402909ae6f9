import type { CancelDecision } from '@vsoko/domain';
import { IsText } from '../../shared/dto/rules';

export class CancelDecisionDto {
  @IsText('причина отмены', 1000, 'Решение утратило актуальность')
  reason!: string;

  toCommand(procedureId: string, decisionId: string): CancelDecision {
    return { type: 'CancelDecision', data: { procedureId, decisionId, reason: this.reason } };
  }
}
