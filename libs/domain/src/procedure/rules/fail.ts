import { type ErrorKind, vsokoError } from '../../shared';

/**
 * Most refusals are rule violations (422); these few are about who acts, what exists or what was already
 * done, and callers answer them differently (403, 404, 409).
 */
const KIND_BY_CODE: Record<string, ErrorKind> = {
  ACTOR_NOT_ALLOWED: 'forbidden',
  SYSTEM_ONLY: 'forbidden',
  SCHOOL_MISMATCH: 'forbidden',
  PROCEDURE_NOT_FOUND: 'not-found',
  PROCEDURE_ALREADY_SCHEDULED: 'conflict',
  STAGE_ALREADY_DONE: 'conflict',
  DECISION_ID_DUPLICATE: 'conflict',
  RECHECK_ID_DUPLICATE: 'conflict',
};

export function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw vsokoError(KIND_BY_CODE[code] ?? 'rule', code, message, details);
}
