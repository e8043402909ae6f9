import { addDays, localDateOf } from '@vsoko/domain';

/** How far ahead a feed is read: the rest of this academic year and all of the next. */
export const HORIZON_DAYS = 400;

/** From the school's today (past occurrences are history, not plans) to HORIZON_DAYS ahead. */
export function pollHorizon(now: Date, timeZone: string): { from: string; to: string } {
  const today = localDateOf(now.getTime(), timeZone);
  return { from: today, to: addDays(today, HORIZON_DAYS) };
}
