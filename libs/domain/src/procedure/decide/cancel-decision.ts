import type { CommandContext } from '../../shared';
import type { CancelDecision } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  active,
  findDecision,
  inStage,
  requireAdministrator,
  requireOpen,
  requireSchool,
  requireText,
} from '../rules';
import type { ProcedureState } from '../state';

export function cancelDecision(
  command: CancelDecision,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, decisionId } = command.data;
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  requireAdministrator(ctx, 'Отменить решение');
  const following = inStage(current, ['following-up'], 'отменить решение');
  requireOpen(findDecision(following, decisionId));
  const reason = requireText(command.data.reason, 'REASON_REQUIRED', 'Укажите причину отмены решения');
  return [{ type: 'DecisionCancelled', data: { procedureId, decisionId, reason } }];
}
