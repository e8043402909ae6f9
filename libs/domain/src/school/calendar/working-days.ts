import { addDays } from '../../shared';
import type { DayOffPolicy, SchoolCalendar, WorkingDays } from './values';

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD day. */
function weekDayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The working days of one or more academic years' calendars, merged, under a school's day-off policy. */
export function workingDaysOf(
  calendars: readonly SchoolCalendar[],
  policy: DayOffPolicy = 'next-working-day',
): WorkingDays {
  return {
    weekDays: calendars[0]?.weekDays ?? 5,
    daysOff: calendars.flatMap((c) => c.daysOff.map(({ from, to }) => ({ from, to }))),
    workingWeekends: calendars.flatMap((c) => c.workingWeekends),
    policy,
  };
}

export function isDayOff(days: WorkingDays, day: string): boolean {
  if (days.daysOff.some((w) => w.from <= day && day <= w.to)) return true;
  const weekDay = weekDayOf(day);
  const weekend = weekDay === 0 || (days.weekDays === 5 && weekDay === 6);
  return weekend && !days.workingWeekends.includes(day);
}

/** A year of days off in a row cannot happen; the bound keeps a malformed calendar from looping forever. */
const MAX_SHIFT = 366;

/** The day itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(days: WorkingDays, day: string): string {
  let d = day;
  for (let i = 0; i < MAX_SHIFT && isDayOff(days, d); i++) d = addDays(d, 1);
  return d;
}

/** The day itself when it is a working day, else the last working day before it. */
export function previousWorkingDay(days: WorkingDays, day: string): string {
  let d = day;
  for (let i = 0; i < MAX_SHIFT && isDayOff(days, d); i++) d = addDays(d, -1);
  return d;
}

/** A deadline or a window's end as the school keeps it: moved to the next working day, or kept as written. */
export function dueDayOf(days: WorkingDays | undefined, day: string): string {
  return days && days.policy === 'next-working-day' ? nextWorkingDay(days, day) : day;
}
