import type { CommandContext } from '../../shared';
import type { MarkDeadlineMissed } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionTimerTarget, dueDateOf } from '../rules';
import type { DecisionState } from '../state';

/** The deadline in force passed with the decision still in work. Standing decisions have none to miss. */
export function markDeadlineMissed(
  command: MarkDeadlineMissed,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId, due, dueAt, dueOn } = command.data;
  const current = decisionTimerTarget(state, decisionId, ctx, dueAt);
  if (!current || current.overdue || dueDateOf(current.deadline.parsed) !== due) return [];
  return [
    {
      type: 'DecisionDeadlineMissed',
      data: {
        decisionId,
        due,
        wording: current.wording,
        responsible: current.executors.lead,
        ...(dueOn !== undefined && dueOn !== due ? { dueOn } : {}),
      },
    },
  ];
}
