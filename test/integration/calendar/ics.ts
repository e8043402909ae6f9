/** Builds iCalendar text for tests, in the shapes the calendar products write. */
export interface TestEvent {
  uid: string;
  summary: string;
  /** 'YYYY-MM-DD HH:MM' (timed, in tzid) or 'YYYY-MM-DD' (all-day). */
  start: string;
  end?: string;
  tzid?: string;
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED';
  rrule?: string;
  exdate?: string[];
  recurrenceId?: string;
  categories?: string;
  description?: string;
  x?: Record<string, string>;
}

export const OUTLOOK_EKATERINBURG = [
  'BEGIN:VTIMEZONE',
  'TZID:Ekaterinburg Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T000000',
  'TZOFFSETFROM:+0500',
  'TZOFFSETTO:+0500',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function calendar(events: TestEvent[], extra: string[] = []): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//vsoko tests//RU',
    ...extra,
    ...events.flatMap(vevent),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function vevent(e: TestEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, 'DTSTAMP:20260101T000000Z', `SUMMARY:${e.summary}`];
  lines.push(dateLine('DTSTART', e.start, e.tzid));
  if (e.end) lines.push(dateLine('DTEND', e.end, e.tzid));
  if (e.recurrenceId) lines.push(dateLine('RECURRENCE-ID', e.recurrenceId, e.tzid));
  if (e.rrule) lines.push(`RRULE:${e.rrule}`);
  for (const x of e.exdate ?? []) lines.push(dateLine('EXDATE', x, e.tzid));
  lines.push(`SEQUENCE:${e.sequence ?? 0}`, `STATUS:${e.status ?? 'CONFIRMED'}`);
  if (e.categories) lines.push(`CATEGORIES:${e.categories}`);
  if (e.description) lines.push(`DESCRIPTION:${e.description.replace(/\n/g, '\\n')}`);
  for (const [k, v] of Object.entries(e.x ?? {})) lines.push(`${k}:${v}`);
  lines.push('END:VEVENT');
  return lines;
}

function dateLine(name: string, value: string, tzid?: string): string {
  const [date, time] = value.split(' ');
  const d = date.replace(/-/g, '');
  if (!time) return `${name};VALUE=DATE:${d}`;
  const t = `${time.replace(':', '')}00`;
  return tzid ? `${name};TZID=${tzid}:${d}T${t}` : `${name}:${d}T${t}`;
}
