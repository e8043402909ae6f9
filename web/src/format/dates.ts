/** Where a school is when the procedure does not say: the demo schools and most users are on Moscow time. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dropYearMark(text: string): string {
  return text.replace(/\s?г\.$/, '').replace(/\s?г\.,/, ',');
}

/**
 * «2 декабря 2026». A calendar date (YYYY-MM-DD) is the school's own day and is shown as written; an instant
 * is shown as the day it was in the school's time zone.
 */
export function formatDate(value: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!value) return '—';
  const m = DATE_ONLY.exec(value);
  const instant = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12)) : new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return dropYearMark(
    new Intl.DateTimeFormat('ru-RU', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: m ? 'UTC' : timeZone,
    }).format(instant),
  );
}

/** «2 декабря 2026, 09:05» in the school's time zone. */
export function formatDateTime(value: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!value) return '—';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const time = new Intl.DateTimeFormat('ru-RU', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);
  return `${formatDate(value, timeZone)}, ${time}`;
}

/** The school's calendar day (YYYY-MM-DD) at an instant. */
export function schoolDay(at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(at);
}

/** Monday and Sunday (YYYY-MM-DD) of the school's week that contains `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const m = DATE_ONLY.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - sinceMonday * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** The academic year (August … July) a school day belongs to: «2026/27». */
export function academicYearOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const start = month >= 8 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The instant a school day ends (23:59:59.999) in the school's time zone, as ISO-8601 UTC. */
export function endOfSchoolDay(day: string, timeZone = DEFAULT_TIME_ZONE): string {
  const m = DATE_ONLY.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], 23, 59, 59, 999);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
    999,
  );
  return new Date(guess - (local - guess)).toISOString();
}
