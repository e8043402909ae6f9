import { isTimeZone, type CommandContext } from '../../shared';
import type { ScheduleProcedure } from '../commands';
import type { ProcedureEvent } from '../events';
import {
  fail,
  isAdministrator,
  requirePlausibleAcademicYear,
  requireReminders,
  requireResponsible,
  requireSchool,
  requireText,
  requireWindow,
  schoolToday,
} from '../rules';
import type { ProcedureState } from '../state';
import { RESULT_USES, resultUseOf } from '../result-use';
import { DIRECTIONS } from '../values';

/**
 * Administrators plan the year; integrations (external calendars) may schedule too, and the system schedules
 * the re-check a decision asked for.
 */
export function scheduleProcedure(
  command: ScheduleProcedure,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  if (state.status !== 'none') {
    fail('PROCEDURE_ALREADY_SCHEDULED', 'Процедура с таким идентификатором уже запланирована');
  }
  const { data } = command;
  const { actor } = ctx;
  const allowed =
    isAdministrator(actor) ||
    actor.kind === 'integration' ||
    (actor.kind === 'system' && data.parentProcedureId !== undefined);
  if (!allowed) {
    fail(
      'ACTOR_NOT_ALLOWED',
      'Планировать процедуры может только администрация: директор или заместитель директора',
      {
        actor: actor.id,
      },
    );
  }
  requireSchool(ctx, data.schoolId);
  requireText(data.title, 'TITLE_REQUIRED', 'Укажите название процедуры');
  if (!(DIRECTIONS as readonly string[]).includes(data.direction)) {
    fail('DIRECTION_UNKNOWN', `Направление оценки «${String(data.direction)}» не из списка ВСОКО`);
  }
  requireResponsible(data.responsible, 'RESPONSIBLE_REQUIRED', 'Укажите ответственного за процедуру');
  requireWindow(data.window, data.academicYear);
  if (typeof data.timeZone !== 'string' || !isTimeZone(data.timeZone)) {
    fail(
      'TIME_ZONE_UNKNOWN',
      `Часовой пояс «${String(data.timeZone)}» не найден: нужен пояс IANA, например Europe/Moscow`,
    );
  }
  requirePlausibleAcademicYear(data.academicYear, schoolToday(ctx, data.timeZone));
  if (data.reminders) requireReminders(data.reminders);
  if (data.watchFrom !== undefined && !isIsoInstant(data.watchFrom)) {
    fail('WATCH_FROM_INVALID', `Начало отслеживания сроков «${String(data.watchFrom)}» не распознано`);
  }
  if (data.predecessor !== undefined) {
    const { procedureId, academicYear } = data.predecessor;
    if (procedureId === data.procedureId || !(academicYear < data.academicYear) || !data.lineageId) {
      fail(
        'PREDECESSOR_INVALID',
        'Предшественником процедуры может быть только другая процедура одного из прошлых учебных лет',
      );
    }
  }
  return [{ type: 'ProcedureScheduled', data: withResultUse(data) }];
}

/** Recorded only when the results end in a document: an absent result use has always meant a meeting. */
function withResultUse(data: ScheduleProcedure['data']): ScheduleProcedure['data'] {
  const { resultUse: given, ...rest } = data;
  if (given !== undefined && !(RESULT_USES as readonly string[]).includes(given)) {
    fail(
      'RESULT_USE_UNKNOWN',
      'Использование результатов: «meeting» (на заседании) или «document» (документ)',
    );
  }
  return (given ?? resultUseOf(data.resultForm)) === 'document' ? { ...rest, resultUse: 'document' } : rest;
}

/** Exactly as `Date.prototype.toISOString` writes it, so that instants compare as text. */
function isIsoInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
}
