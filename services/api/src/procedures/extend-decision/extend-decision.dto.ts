import type { ExtendDecisionDeadline } from '@vsoko/domain';
import { IsDate, IsText } from '../../shared/dto/rules';

export class ExtendDecisionDto {
  @IsDate('2024-06-30')
  deadline!: string;

  @IsText('причина продления', 1000, 'Больничный ответственного')
  reason!: string;

  toCommand(procedureId: string, decisionId: string): ExtendDecisionDeadline {
    return {
      type: 'ExtendDecisionDeadline',
      data: { procedureId, decisionId, deadline: this.deadline, reason: this.reason },
    };
  }
}
