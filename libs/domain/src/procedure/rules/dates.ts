import { addYears, localDateOf, ruDate, type CommandContext } from '../../shared';

export { ruDate };
import { academicYearBounds, academicYearOf, isIsoDate } from '../calendar';
import type { DateWindow } from '../values';
import { fail } from './fail';

/**
 * A decision's deadline may lie at most this far after its meeting: development programmes, the longest
 * measures in the plans, run over two academic years; anything later is a typo.
 */
export const MAX_DEADLINE_YEARS = 2;

/** The school's calendar day when the command was issued. */
export function schoolToday(ctx: CommandContext, timeZone: string): string {
  if (Number.isNaN(Date.parse(ctx.issuedAt))) {
    fail('ISSUED_AT_INVALID', `Время команды не распознано: «${ctx.issuedAt}»`);
  }
  return localDateOf(ctx.issuedAt, timeZone);
}

export function requireDate(value: unknown, what: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    fail('DATE_INVALID', `${what}: нужна дата в формате ГГГГ-ММ-ДД, получено «${String(value)}»`);
  }
  return value;
}

/** Facts are recorded after they happen: a date later than the school's today is a mistake. */
export function requirePastFact(value: unknown, what: string, today: string): string {
  const date = requireDate(value, what);
  if (date > today) {
    fail('DATE_IN_FUTURE', `${what} (${ruDate(date)}) ещё не наступила: сегодня ${ruDate(today)}`, {
      date,
      today,
    });
  }
  return date;
}

export function requireNotBefore(date: string, bound: string, code: string, message: string): void {
  if (date < bound) fail(code, `${message} (${ruDate(date)} раньше ${ruDate(bound)})`, { date, bound });
}

/** A deadline set at a meeting: not before it, and not absurdly far after it. */
export function requireDeadline(value: unknown, meetingDate: string, what: string): string {
  const deadline = requireDate(value, what);
  requireNotBefore(
    deadline,
    meetingDate,
    'DEADLINE_BEFORE_MEETING',
    `${what} не может быть раньше заседания`,
  );
  const latest = addYears(meetingDate, MAX_DEADLINE_YEARS);
  if (deadline > latest) {
    fail(
      'DEADLINE_TOO_FAR',
      `${what} (${ruDate(deadline)}) дальше чем через ${MAX_DEADLINE_YEARS} года после заседания: не позже ${ruDate(latest)}`,
      { deadline, latest },
    );
  }
  return deadline;
}

/** A window of work: real dates, in order, inside its academic year. */
/**
 * How far from the school's current academic year a plan may be: a few past years are recorded when a school
 * brings its history in, the next ones are planned ahead; «1900/01» is a typo that would be overdue at once.
 */
export const ACADEMIC_YEARS_BACK = 5;
export const ACADEMIC_YEARS_AHEAD = 2;

export function requirePlausibleAcademicYear(academicYear: string, today: string): void {
  const current = Number(academicYearOf(today).slice(0, 4));
  const start = Number(academicYear.slice(0, 4));
  if (start < current - ACADEMIC_YEARS_BACK || start > current + ACADEMIC_YEARS_AHEAD) {
    fail(
      'ACADEMIC_YEAR_IMPLAUSIBLE',
      `Учебный год ${academicYear} слишком далёк от текущего (${academicYearOf(today)}): допускается не раньше чем за ${ACADEMIC_YEARS_BACK} лет и не позже чем через ${ACADEMIC_YEARS_AHEAD} года`,
      { academicYear, current: academicYearOf(today) },
    );
  }
}

export function requireWindow(window: DateWindow | undefined, academicYear: string): DateWindow {
  if (!window || !isIsoDate(window.from) || !isIsoDate(window.to)) {
    fail('WINDOW_INVALID_DATE', 'Срок проведения должен быть датой в формате ГГГГ-ММ-ДД');
  }
  if (window.from > window.to) {
    fail('WINDOW_REVERSED', 'Начало срока проведения позже его окончания');
  }
  const year = academicYearBounds(academicYear);
  if (!year) {
    fail('ACADEMIC_YEAR_INVALID', 'Учебный год указывается как «2023/24»');
  }
  if (window.from < year.from || window.to > year.to) {
    fail(
      'WINDOW_OUTSIDE_ACADEMIC_YEAR',
      `Срок проведения должен лежать внутри учебного года ${academicYear} (${year.from} — ${year.to})`,
    );
  }
  return { from: window.from, to: window.to };
}
