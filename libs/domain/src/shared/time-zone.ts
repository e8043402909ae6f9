/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl`, which Temporal's deterministic workflow
 * sandbox allows (no tz library, no host clock). Calendar dates are 'YYYY-MM-DD', instants are epoch
 * milliseconds or ISO-8601 strings in UTC.
 */

/** The zone of a school that has not said otherwise: most of the schools this was built with keep Moscow time. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23: some ICU versions print midnight as «24» with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The zone's clock reading at `epochMs`, encoded as if that reading were UTC (seconds precision). */
function wallClockAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** How far the zone's clock is ahead of UTC at `epochMs`. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallClockAt(wholeSecond, timeZone) - wholeSecond;
}

/**
 * The instant at which the zone's clock reads `wall` (a reading encoded as UTC). Offsets are sampled a day
 * before and after, which is enough as long as a zone does not change its offset twice within two days.
 * An ambiguous reading (clocks set back) gives the earlier instant; a reading skipped by a forward jump
 * gives the instant right after the jump, i.e. the reading is pushed forward by the size of the gap.
 */
function instantOfWallClock(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((t) => wall - offsetAt(t, timeZone) === t);
  if (valid.length > 0) return Math.min(...valid);
  return wall - Math.min(before, after);
}

function parseDate(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function formatDate(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days * DAY_MS);
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const d = new Date(parseDate(date));
  const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return formatDate(target.getTime());
}

/** The calendar date a wall calendar in `timeZone` shows at the instant. */
export function localDateOf(instant: string | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return formatDate(wallClockAt(ms, timeZone));
}

/** The first instant at which the zone's calendar shows `date` or a later day. */
export function startOfLocalDay(date: string, timeZone: string): number {
  return instantOfWallClock(parseDate(date), timeZone);
}

/**
 * The last millisecond of `date` in the zone: the instant a deadline or a window falls due. On days of
 * 23 or 25 hours it is still the moment before the next local midnight, never a fixed 24 hours.
 */
export function endOfLocalDay(date: string, timeZone: string): number {
  return startOfLocalDay(addDays(date, 1), timeZone) - 1;
}

/** `time` ('HH:MM') on `date` in the zone; a time skipped by a clock change is pushed past the gap. */
export function atLocalTime(date: string, time: string, timeZone: string): number {
  const m = LOCAL_TIME.exec(time);
  if (!m) throw new RangeError(`not a local time: ${time}`);
  const wall = parseDate(date) + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  return instantOfWallClock(wall, timeZone);
}

export function isLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

export function toIsoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
