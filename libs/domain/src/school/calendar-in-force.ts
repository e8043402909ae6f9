import { academicYearOf } from '../procedure/calendar';
import { DEFAULT_CHASE, type ReminderSettings } from '../procedure/values';
import { workingDaysOf } from './calendar/working-days';
import type { SchoolCalendar, WorkingDays } from './calendar/values';
import type { SchoolSettingsState } from './school-settings';
import type { ProcedureChase } from '../procedure/timers';

/**
 * The school's calendars for the academic year of `day` and the next one (a deadline in June escalates into
 * the summer, a December one into January), under the school's day-off policy. Null when the school has no
 * calendar for either year: then only the dates as written count, as before calendars existed.
 */
export function workingDaysAround(state: SchoolSettingsState, day: string): WorkingDays | null {
  const year = academicYearOf(day);
  const next = academicYearOf(`${Number(year.slice(0, 4)) + 1}-09-01`);
  const calendars = [year, next]
    .map((y) => state.calendars?.[y]?.calendar)
    .filter((c): c is SchoolCalendar => c !== undefined);
  if (calendars.length === 0) return null;
  return workingDaysOf(calendars, state.reminders?.dayOffPolicy ?? DEFAULT_CHASE.dayOffPolicy);
}

/** The school's chase settings with the chain's defaults filled in where it set none. */
export function chaseSettingsOf(
  reminders: ReminderSettings | null,
): Required<
  Pick<ReminderSettings, 'preparationDaysBefore' | 'escalation' | 'repeatEveryDays' | 'dayOffPolicy'>
> {
  return {
    preparationDaysBefore: reminders?.preparationDaysBefore ?? [...DEFAULT_CHASE.preparationDaysBefore],
    escalation: reminders?.escalation ?? DEFAULT_CHASE.escalation.map((s) => ({ ...s })),
    repeatEveryDays: reminders?.repeatEveryDays ?? DEFAULT_CHASE.repeatEveryDays,
    dayOffPolicy: reminders?.dayOffPolicy ?? DEFAULT_CHASE.dayOffPolicy,
  };
}

/** What a procedure is scheduled with: the school's chain, and its working days around the window's end. */
export function procedureChaseOf(
  state: SchoolSettingsState,
  window: { from: string; to: string },
  today: string,
): ProcedureChase {
  const chase = chaseSettingsOf(state.reminders);
  const first = window.from < window.to ? window.from : window.to;
  const workingDays = workingDaysAround(state, first);
  // Each side brings its year's calendar and the next; a window within one academic year needs only one side.
  const later =
    academicYearOf(first) === academicYearOf(window.to) ? null : workingDaysAround(state, window.to);
  const days =
    workingDays && later
      ? {
          ...workingDays,
          daysOff: [
            ...workingDays.daysOff,
            ...later.daysOff.filter(
              (d) => !workingDays.daysOff.some((w) => w.from === d.from && w.to === d.to),
            ),
          ],
          workingWeekends: [...new Set([...workingDays.workingWeekends, ...later.workingWeekends])],
        }
      : (workingDays ?? later);
  return {
    preparationDaysBefore: chase.preparationDaysBefore,
    escalation: chase.escalation,
    repeatEveryDays: chase.repeatEveryDays,
    remindFrom: today,
    ...(days ? { workingDays: days } : {}),
  };
}

/**
 * The part of a school's settings that procedures of one academic year are scheduled with: the reminder settings
 * and the calendars of that year and the next (a window's chase may run into it), so a plan's fan-out carries
 * a few kilobytes, not every year the school ever kept.
 */
export function settingsForYear(state: SchoolSettingsState, academicYear: string): SchoolSettingsState {
  const start = Number(academicYear.slice(0, 4));
  const years = [academicYear, academicYearOf(`${start + 1}-09-01`)];
  const calendars = Object.fromEntries(
    Object.entries(state.calendars ?? {}).filter(([year]) => years.includes(year)),
  );
  return { reminders: state.reminders, calendars };
}
