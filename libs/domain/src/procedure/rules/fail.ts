import { failureOf, type Fail } from '../../shared';

export const fail: Fail = failureOf({
  ACTOR_NOT_ALLOWED: 'forbidden',
  SYSTEM_ONLY: 'forbidden',
  SCHOOL_MISMATCH: 'forbidden',
  PROCEDURE_NOT_FOUND: 'not-found',
  PROCEDURE_ALREADY_SCHEDULED: 'conflict',
  STAGE_ALREADY_DONE: 'conflict',
  DECISION_ID_DUPLICATE: 'conflict',
  RECHECK_ID_DUPLICATE: 'conflict',
});
