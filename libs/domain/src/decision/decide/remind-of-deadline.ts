import type { CommandContext } from '../../shared';
import type { RemindOfDeadline } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionTimerTarget, dueDateOf } from '../rules';
import type { DecisionState } from '../state';

/** A reminder for the deadline in force, once per number of days before it; a stale one records nothing. */
export function remindOfDeadline(
  command: RemindOfDeadline,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId, due, daysBefore, dueAt } = command.data;
  const current = decisionTimerTarget(state, decisionId, ctx, dueAt);
  if (!current || current.overdue || dueDateOf(current.deadline.parsed) !== due) return [];
  if (current.remindersSent.some((r) => r.due === due && r.daysBefore === daysBefore)) return [];
  const { wording, executors } = current;
  return [
    {
      type: 'DecisionDeadlineApproaching',
      data: { decisionId, due, daysBefore, wording, responsible: executors.lead },
    },
  ];
}
