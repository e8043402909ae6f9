import ICAL from 'ical.js';

export interface FeedEvent {
  summary: string;
  /** The first day of the event, YYYY-MM-DD, as the feed wrote it (all-day events) or in UTC. */
  date: string;
}

/**
 * What a calendar will show from a feed: its events from `today` on, nearest first, `limit` of them, and how
 * many there are in all — read with ical.js, the library the server's inbound feeds are parsed with.
 */
export function feedPreview(ics: string, today: string, limit = 5): { total: number; next: FeedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar
    .getAllSubcomponents('vevent')
    .map((v) => {
      const start = v.getFirstPropertyValue('dtstart') as ICAL.Time | null;
      return {
        summary: String(v.getFirstPropertyValue('summary') ?? ''),
        date: start ? start.toJSDate().toISOString().slice(0, 10) : '',
        allDay: start?.isDate ?? false,
        start,
      };
    })
    .map((e) => ({
      summary: e.summary,
      date: e.allDay && e.start ? `${e.start.year}-${pad(e.start.month)}-${pad(e.start.day)}` : e.date,
    }))
    .filter((e) => e.date && e.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.summary.localeCompare(b.summary, 'ru'));
  return { total: events.length, next: events.slice(0, limit) };
}

const pad = (n: number) => String(n).padStart(2, '0');
