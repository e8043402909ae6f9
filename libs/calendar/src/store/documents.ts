import type { Direction, Responsible } from '@vsoko/domain';
import type { KnownOccurrence } from '../inbound/plan';

/*
 * Integration settings and the working memory of inbound calendars, in MongoDB next to the read models.
 * Every document has a deterministic `_id` (FerretDB's SQLite backend indexes nothing else).
 */

export const INTEGRATIONS_COLLECTION = 'integrations';
export const CALENDAR_SOURCES_COLLECTION = 'calendar_sources';
export const CALENDAR_TOKENS_COLLECTION = 'calendar_feed_tokens';
export const WEBHOOK_RECEIPTS_COLLECTION = 'calendar_webhook_receipts';
export const WEBHOOK_SIGNATURES_COLLECTION = 'calendar_webhook_signatures';

/**
 * A calendar integration of one school. The HMAC secret is stored as is: verifying a signature needs it
 * (a hash would not do); the collection is readable by the API and the worker only.
 */
export interface IntegrationDocument {
  _id: string;
  kind: 'calendar';
  schoolId: string;
  name: string;
  secret: string;
  timeZone: string;
  defaults: SourceDefaults;
  createdAt: string;
  createdBy: string;
  /** A deleted integration stays as a tombstone (its id is not reused); its secret is replaced, never shown. */
  deletedAt?: string;
  deletedBy?: string;
}

export interface SourceDefaults {
  direction?: Direction;
  responsible?: Responsible;
}

export interface PollStatus {
  at: string;
  status: 'changed' | 'not-modified' | 'failed';
  error?: { code: string; message: string };
  counts?: Record<string, number>;
  /** Log position of the event that recorded the poll. */
  position?: number;
}

export interface PollWarning {
  uid: string;
  recurrenceId: string | null;
  summary: string;
  needs: 'direction' | 'responsible';
  message: string;
}

/**
 * One inbound calendar: a subscribed URL, an uploaded file, or an integration's webhook (`webhook-<id>`).
 * `known` is what vsoko did for each occurrence; `version` guards concurrent writers.
 */
export interface CalendarSourceDocument {
  _id: string;
  kind: 'url' | 'upload' | 'webhook';
  integrationId: string;
  schoolId: string;
  title: string;
  timeZone: string;
  defaults: SourceDefaults;
  url?: string;
  pollEveryMinutes?: number;
  upload?: { ics: string; sha256: string; at: string };
  /** The last content acted on: ETag and Last-Modified for conditional GET, or the uploaded file's hash. */
  etag?: string;
  lastModified?: string;
  contentSha256?: string;
  known: KnownOccurrence[];
  lastPoll?: PollStatus;
  /**
   * Marked events of the content last acted on that became nothing until someone names their direction or
   * responsible person (kept while the content is unchanged, replaced with the next content).
   */
  warnings?: PollWarning[];
  version: number;
  createdAt: string;
}

/** Only the SHA-256 of a feed token is kept: the token itself is shown once, when it is issued. */
export interface CalendarTokenDocument {
  _id: string;
  scope: { kind: 'school'; schoolId: string } | { kind: 'person'; personId: string; schoolId: string };
  createdAt: string;
  createdBy: string;
}

export interface WebhookReceiptDocument {
  /** `${integrationId}:${idempotencyKey}` */
  _id: string;
  bodySha256: string;
  eventId: string;
  position: number;
  receivedAt: string;
}
