import type { CommandContext } from '../../shared';
import type { EscalateDecision } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionTimerTarget, dueDateOf } from '../rules';
import type { DecisionState } from '../state';

export function escalateDecision(
  command: EscalateDecision,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId, due, dueAt } = command.data;
  const current = decisionTimerTarget(state, decisionId, ctx, dueAt);
  if (!current || !current.overdue || current.escalated || dueDateOf(current.deadline.parsed) !== due)
    return [];
  return [
    {
      type: 'DecisionEscalated',
      data: { decisionId, due, wording: current.wording, responsible: current.executors.lead },
    },
  ];
}
