import type { CommandContext } from '../../shared';
import type { MarkDecisionOverdue } from '../commands';
import type { ProcedureEvent } from '../events';
import { findDecision, requireDate, timerTarget } from '../rules';
import type { ProcedureState } from '../state';

/** The deadline in force ended with the decision still open. */
export function markDecisionOverdue(
  command: MarkDecisionOverdue,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, decisionId, dueAt } = command.data;
  const current = timerTarget(state, procedureId, ctx, dueAt);
  const deadline = requireDate(command.data.deadline, 'Срок решения');
  if (!current || current.status !== 'following-up') return [];
  const decision = findDecision(current, decisionId);
  if (decision.status !== 'open' || decision.deadline !== deadline || decision.overdue) return [];
  const { wording, responsible } = decision;
  return [{ type: 'DecisionOverdue', data: { procedureId, decisionId, wording, deadline, responsible } }];
}
