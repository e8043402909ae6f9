import { academicYearBounds } from '../procedure/calendar';
import type { DateWindow } from '../procedure/values';
import { isDayOff, nextWorkingDay, dueDayOf } from '../school/calendar/working-days';
import type { WorkingDays } from '../school/calendar/values';
import { addDays, addYears, ruDate } from '../shared';
import type { PlannedProcedure } from './events';

/** «2025/26» → «2026/27»; null for anything that is not an academic year. */
export function nextAcademicYear(academicYear: string): string | null {
  const bounds = academicYearBounds(academicYear);
  if (!bounds) return null;
  const start = Number(academicYear.slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** What last year's procedure became, as far as copying its row is concerned. */
export interface LastYearOutcome {
  status: string;
  window: DateWindow;
  cancellationReason?: string;
}

/** Why a copied row deserves a second look in the preview. */
export interface NextYearFlag {
  code:
    | 'CALENDAR_MOVED'
    | 'PERIOD_BY_CALENDAR'
    | 'WINDOW_IN_DAYS_OFF'
    | 'WINDOW_SHORTENED'
    | 'CANCELLED_LAST_YEAR'
    | 'RESCHEDULED_LAST_YEAR';
  message: string;
}

export interface NextYearRow {
  procedure: PlannedProcedure;
  /** Last year's window, as the approved plan had it. */
  previousWindow: DateWindow;
  /**
   * How the dates were carried over: whole months kept, the same weekday in the same month, or the school
   * period its deadline named («I четверть») read again in next year's calendar.
   */
  shift: 'months' | 'weekday' | 'period';
  flags: NextYearFlag[];
}

export interface NextYearPlan {
  fromYear: string;
  academicYear: string;
  rows: NextYearRow[];
  /** Rows adopted from district templates are not copied: the district publishes next year's template. */
  templateRowsLeftOut: number;
  calendarApplied: boolean;
}

export interface NextYearInput {
  schoolId: string;
  fromYear: string;
  /** This year's approved plan, all its parts. */
  procedures: readonly PlannedProcedure[];
  /** By procedure id: what became of this year's procedures (read models), when known. */
  outcomes?: ReadonlyMap<string, LastYearOutcome>;
  /** The school's calendar for the next year, when it has one. */
  workingDays?: WorkingDays | null;
  /** The id the next year's row gets (the same derivation as a file import's, so a later file matches it). */
  procedureIdOf(rowKey: string, academicYear: string): string;
  /**
   * A row whose deadline named school periods (`periodPhrase`): its window in next year's calendar, and what the
   * preview says of it; undefined when it cannot be read again (then its dates are carried like any other row).
   */
  periodWindowOf?(
    procedure: PlannedProcedure,
    academicYear: string,
  ): { window: DateWindow; note: string } | undefined;
}

function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${day.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

const isWholeMonths = (w: DateWindow) => w.from.endsWith('-01') && w.to === monthEnd(w.to);

/**
 * One year on, on the same weekday and in the same month: 52 weeks later, or 53 when 52 would leave the month
 * (1 September 2025, a Monday → 7 September 2026, a Monday).
 */
export function sameWeekdayNextYear(day: string): string {
  const in52 = addDays(day, 364);
  return in52.slice(5, 7) === day.slice(5, 7) ? in52 : addDays(day, 371);
}

/**
 * A window carried to the next year: whole months stay whole months («октябрь» → October); other windows keep
 * their weekdays and length, shortened to stay in their last month when the weekday shift would leave it.
 */
export function windowNextYear(w: DateWindow): {
  window: DateWindow;
  shift: 'months' | 'weekday';
  shortened: boolean;
} {
  if (isWholeMonths(w)) {
    return {
      window: { from: addYears(w.from, 1), to: monthEnd(addYears(w.to, 1)) },
      shift: 'months',
      shortened: false,
    };
  }
  const from = sameWeekdayNextYear(w.from);
  const offset = Math.round((Date.parse(from) - Date.parse(w.from)) / 86_400_000);
  let to = addDays(w.to, offset);
  let shortened = false;
  if (to.slice(5, 7) !== w.to.slice(5, 7)) {
    to = monthEnd(addYears(w.to, 1));
    shortened = true;
  }
  return { window: { from, to: to < from ? from : to }, shift: 'weekday', shortened };
}

/** The first working day of the window and its end as the school keeps deadlines; null when all of it is off. */
function onWorkingDays(w: DateWindow, days: WorkingDays, yearEnd: string): DateWindow | null {
  let working = false;
  for (let d = w.from; d <= w.to; d = addDays(d, 1)) {
    if (!isDayOff(days, d)) {
      working = true;
      break;
    }
  }
  if (!working) return null;
  const from = nextWorkingDay(days, w.from);
  const moved = dueDayOf(days, w.to);
  // A deadline kept inside the academic year: the end of July stays where it is.
  const to = moved <= yearEnd ? moved : w.to;
  return { from, to: to < from ? from : to };
}

const ruWindow = (w: DateWindow) =>
  w.from === w.to ? ruDate(w.from) : `${ruDate(w.from)} — ${ruDate(w.to)}`;

/**
 * This year's approved plan as next year's: the school's own rows (not the district templates'), each with its
 * dates carried over, the school's calendar applied when it has one, and a link to the procedure it continues.
 * Rows worth a second look carry flags: moved off a day off, wholly in the holidays, shortened, cancelled or
 * moved last year. Pure: the API previews it, and approving goes through the plan's own import approval.
 */
export function copyPlanToNextYear(input: NextYearInput): NextYearPlan {
  const academicYear = nextAcademicYear(input.fromYear);
  if (!academicYear) throw new Error(`Не учебный год: ${input.fromYear}`);
  const own = input.procedures.filter((p) => p.templateId === undefined);
  const days = input.workingDays ?? null;
  const rows = own.map((p): NextYearRow => {
    const flags: NextYearFlag[] = [];
    const period = p.periodPhrase ? input.periodWindowOf?.(p, academicYear) : undefined;
    const carried = period
      ? { window: period.window, shift: 'period' as const, shortened: false }
      : windowNextYear(p.window);
    let window = carried.window;
    if (period) flags.push({ code: 'PERIOD_BY_CALENDAR', message: period.note });
    if (carried.shortened) {
      flags.push({
        code: 'WINDOW_SHORTENED',
        message: `Срок сдвинут на тот же день недели и сокращён до конца месяца: ${ruWindow(window)}`,
      });
    }
    if (days) {
      const moved = onWorkingDays(window, days, academicYearBounds(academicYear)!.to);
      if (moved === null) {
        flags.push({
          code: 'WINDOW_IN_DAYS_OFF',
          message: `Весь срок ${ruWindow(window)} приходится на каникулы или выходные по календарю школы: проверьте`,
        });
      } else if (moved.from !== window.from || moved.to !== window.to) {
        flags.push({
          code: 'CALENDAR_MOVED',
          message: `По календарю школы срок ${ruWindow(window)} попадал на выходные или каникулы: теперь ${ruWindow(moved)}`,
        });
        window = moved;
      }
    }
    const outcome = input.outcomes?.get(p.procedureId);
    if (outcome?.status === 'cancelled') {
      flags.push({
        code: 'CANCELLED_LAST_YEAR',
        message: `В ${input.fromYear} учебном году процедура была отменена${outcome.cancellationReason ? `: ${outcome.cancellationReason}` : ''}`,
      });
    } else if (outcome && (outcome.window.from !== p.window.from || outcome.window.to !== p.window.to)) {
      flags.push({
        code: 'RESCHEDULED_LAST_YEAR',
        message: `В ${input.fromYear} учебном году срок переносили: по плану ${ruWindow(p.window)}, фактически ${ruWindow(outcome.window)}`,
      });
    }
    const { templateId: _none, predecessor: _previous, lineageId, ...row } = p;
    return {
      procedure: {
        ...row,
        procedureId: input.procedureIdOf(p.rowKey, academicYear),
        window,
        predecessor: { procedureId: p.procedureId, academicYear: input.fromYear, title: p.title },
        lineageId: lineageId ?? p.procedureId,
      },
      previousWindow: p.window,
      shift: carried.shift,
      flags,
    };
  });
  return {
    fromYear: input.fromYear,
    academicYear,
    rows,
    templateRowsLeftOut: input.procedures.length - own.length,
    calendarApplied: days !== null,
  };
}
