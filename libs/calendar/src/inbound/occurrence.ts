import type { DateWindow, Direction, Responsible } from '@vsoko/domain';

/** One occurrence of a calendar event, after recurrence expansion, in the terms a procedure needs. */
export interface CalendarOccurrence {
  uid: string;
  /** The original start of a recurring occurrence (UTC `YYYYMMDDTHHMMSSZ`, or `YYYYMMDD` for all-day); null when the event does not repeat. */
  recurrenceId: string | null;
  sequence: number;
  summary: string;
  /** Start as the event's own calendar shows it. */
  localStart: { date: string; time: string | null; timeZone: string };
  /** The days the procedure runs, in the school's zone, inclusive. */
  window: DateWindow;
  cancelled: boolean;
  /** An override (RECURRENCE-ID) that moved this occurrence away from where the rule puts it. */
  movedByOverride: boolean;
  /** Null when the event is not for vsoko (see `readConvention`). */
  vsoko: VsokoFields | null;
}

/** What the convention reads from a marked event. Missing direction or responsible fall back to the feed's defaults. */
export interface VsokoFields {
  title: string;
  direction?: Direction;
  responsible?: Responsible;
  method?: string;
  indicator?: string;
  object?: string;
  resultForm?: string;
}
