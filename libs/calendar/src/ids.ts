import { createHash } from 'node:crypto';

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/**
 * The procedure a calendar occurrence stands for: the same feed, UID and recurrence id always give the same
 * id, so a repeated poll or webhook finds the procedure it created before (and update-with-start is idempotent).
 */
export function procedureIdFor(sourceId: string, uid: string, recurrenceId: string | null): string {
  return `cal-${digest(sourceId, uid, recurrenceId ?? '').slice(0, 40)}`;
}

/** Idempotency key of one command derived from one calendar state: a retry sends the same key. */
export function calendarCommandId(procedureId: string, ...facts: Array<string | number>): string {
  return `cal:${procedureId}:${digest(...facts.map(String)).slice(0, 24)}`;
}

export { academicYearOf } from '@vsoko/domain';

export function sha256Hex(text: string): string {
  return digest(text);
}
