import type { CommandContext } from '../../shared';
import { isStandingCheckIn } from '../calendar';
import type { MarkCheckInMissed } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionTimerTarget } from '../rules';
import type { DecisionState } from '../state';

/** A check-in day passed without a progress report: a fact of its own, never the whole decision overdue. */
export function markCheckInMissed(
  command: MarkCheckInMissed,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId, dueOn, dueAt } = command.data;
  const current = decisionTimerTarget(state, decisionId, ctx, dueAt);
  if (!current || current.checkIns.some((c) => c.dueOn === dueOn)) return [];
  const deadline = current.deadline.parsed;
  const scheduled =
    deadline.kind === 'year'
      ? deadline.checkIns.includes(dueOn)
      : deadline.kind === 'standing' && isStandingCheckIn(deadline.every, deadline.from, dueOn);
  if (!scheduled) return [];
  return [
    {
      type: 'CheckInMissed',
      data: { decisionId, dueOn, wording: current.wording, responsible: current.executors.lead },
    },
  ];
}
