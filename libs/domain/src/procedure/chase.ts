import { addDays } from '../shared';
import { isDayOff, nextWorkingDay, previousWorkingDay } from '../school/calendar/working-days';
import type { WorkingDays } from '../school/calendar/values';
import type { Chase } from './timers';
import type { EscalationAddressee } from './values';

/**
 * Step `k` (from 0) of the chase after a deadline `due`: the chain's steps in order, then the last addressee
 * again every `repeatEveryDays` until the work is done or cancelled. The day is moved to the next working
 * day, so nobody is chased on a day off. Null when the chain is over (no steps, or no repeat).
 */
export function escalationStep(
  chase: Chase,
  due: string,
  k: number,
  days: WorkingDays | undefined,
): { day: string; to: EscalationAddressee; afterDays: number } | null {
  const steps = chase.escalation;
  if (steps.length === 0 || k < 0) return null;
  let step;
  let after: number;
  if (k < steps.length) {
    step = steps[k];
    after = step.afterDays;
  } else {
    if (!(chase.repeatEveryDays > 0)) return null;
    step = steps[steps.length - 1];
    after = step.afterDays + (k - steps.length + 1) * chase.repeatEveryDays;
  }
  const day = addDays(due, after);
  return { day: days ? nextWorkingDay(days, day) : day, to: step.to, afterDays: after };
}

/**
 * Reminder days before `due`, each moved back to the last working day before a day off; two reminders that
 * land on the same day are sent once (the earlier-announced one). Largest `daysBefore` first.
 */
export function reminderDays(
  daysBefore: readonly number[],
  due: string,
  days: WorkingDays | undefined,
): Array<{ daysBefore: number; day: string }> {
  const seen = new Set<string>();
  return [...new Set(daysBefore)]
    .filter((d) => Number.isInteger(d) && d >= 0)
    .sort((a, b) => b - a)
    .map((d) => {
      const day = addDays(due, -d);
      return { daysBefore: d, day: days && isDayOff(days, day) ? previousWorkingDay(days, day) : day };
    })
    .filter(({ day }) => (seen.has(day) ? false : (seen.add(day), true)));
}
