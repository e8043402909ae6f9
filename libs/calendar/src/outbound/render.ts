import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { type CalendarEntry, exclusiveEnd } from './entries';

export interface FeedHeader {
  name: string;
  timeZone: string;
  /** Stamp of every event: the moment the feed was generated, from the caller's clock. */
  generatedAt: Date;
}

/**
 * An iCalendar feed Google and Outlook can subscribe to: METHOD:PUBLISH, stable UIDs, all-day events as
 * VALUE=DATE (no zone conversion, the school's day is the day people see), cancelled ones kept with
 * STATUS:CANCELLED so subscribed clients remove them.
 */
export function renderFeed(header: FeedHeader, entries: CalendarEntry[]): string {
  const calendar = ical({
    name: header.name,
    prodId: { company: 'vsoko', product: 'ВСОКО', language: 'RU' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: header.timeZone,
    ttl: 60 * 60,
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      start: dateOnly(entry.from),
      end: dateOnly(exclusiveEnd(entry)),
      allDay: true,
      stamp: header.generatedAt,
      summary: entry.summary,
      description: entry.description,
      categories: [{ name: 'ВСОКО' }],
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      x: { 'X-VSOKO-KIND': entry.kind, 'X-VSOKO-PROCEDURE-ID': entry.procedureId },
    });
  }
  return calendar.toString();
}

/** A date-only value at UTC midnight; ical-generator writes all-day dates from UTC fields. */
function dateOnly(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
