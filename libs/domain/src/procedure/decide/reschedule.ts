import type { CommandContext } from '../../shared';
import type { RescheduleProcedure } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  active,
  fail,
  inStage,
  isAdministrator,
  requireSchool,
  requireText,
  requireWindow,
  ruDate,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';

/** Planning is the administration's (or a calendar integration's): the window moves before the work is done. */
export function rescheduleProcedure(
  command: RescheduleProcedure,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  const { procedureId, reason } = command.data;
  const current = active(state, procedureId);
  requireSchool(ctx, current.schoolId);
  if (!isAdministrator(ctx.actor) && ctx.actor.kind !== 'integration') {
    fail(
      'ACTOR_NOT_ALLOWED',
      'Переносить сроки может только администрация: директор или заместитель директора',
      {
        actor: ctx.actor.id,
      },
    );
  }
  const scheduled = inStage(current, ['scheduled'], 'перенести сроки проведения');
  const window = requireWindow(command.data.window, scheduled.academicYear);
  const why = requireText(reason, 'REASON_REQUIRED', 'Укажите причину переноса сроков');
  if (window.from === scheduled.window.from && window.to === scheduled.window.to) {
    fail('WINDOW_UNCHANGED', 'Новый срок проведения совпадает с прежним');
  }
  const today = schoolToday(ctx, scheduled.timeZone);
  if (window.to < today) {
    fail('WINDOW_ENDS_IN_PAST', `Новый срок проведения закончился бы в прошлом: сегодня ${ruDate(today)}`);
  }
  return [
    {
      type: 'ProcedureRescheduled',
      data: { procedureId, previousWindow: scheduled.window, window, reason: why },
    },
  ];
}
