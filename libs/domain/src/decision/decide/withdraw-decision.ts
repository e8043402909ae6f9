import type { CommandContext } from '../../shared';
import { requireText } from '../../procedure/rules';
import type { WithdrawDecision } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionStep, requireAdministration } from '../rules';
import type { DecisionState } from '../state';

export function withdrawDecision(
  command: WithdrawDecision,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId } = command.data;
  decisionStep(state, decisionId, ctx, ['open', 'reopened'], 'Отменить решение');
  requireAdministration(ctx, 'Отменить решение');
  const reason = requireText(command.data.reason, 'REASON_REQUIRED', 'Укажите причину отмены решения');
  return [{ type: 'DecisionWithdrawn', data: { decisionId, reason } }];
}
