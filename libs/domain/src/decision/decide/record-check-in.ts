import type { CommandContext } from '../../shared';
import { requireDate, requireText, ruDate, schoolToday } from '../../procedure/rules';
import { isStandingCheckIn } from '../calendar';
import type { RecordCheckIn } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionStep, fail, requireExecutorOrAdministration } from '../rules';
import type { DecisionState } from '../state';

/** Progress for one check-in day of a whole-year or standing decision; after a missed mark, it counts as late. */
export function recordCheckIn(
  command: RecordCheckIn,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId } = command.data;
  const current = decisionStep(state, decisionId, ctx, ['open', 'reopened'], 'Отчитаться о ходе исполнения');
  requireExecutorOrAdministration(ctx, current.executors, 'Отчитаться о ходе исполнения');
  const dueOn = requireDate(command.data.dueOn, 'Контрольная точка');
  const deadline = current.deadline.parsed;
  const scheduled =
    deadline.kind === 'year'
      ? deadline.checkIns.includes(dueOn)
      : deadline.kind === 'standing' && isStandingCheckIn(deadline.every, deadline.from, dueOn);
  if (!scheduled) {
    fail('CHECK_IN_UNKNOWN', `${ruDate(dueOn)} — не контрольная точка этого решения`, { dueOn });
  }
  if (current.checkIns.some((c) => c.dueOn === dueOn && c.outcome === 'recorded')) {
    fail('CHECK_IN_ALREADY_RECORDED', `О ходе исполнения на ${ruDate(dueOn)} уже отчитались`, { dueOn });
  }
  const note = requireText(
    command.data.note,
    'CHECK_IN_NOTE_REQUIRED',
    'Опишите, что сделано к контрольной точке',
  );
  return [
    {
      type: 'CheckInRecorded',
      data: { decisionId, dueOn, note, recordedOn: schoolToday(ctx, current.timeZone) },
    },
  ];
}
