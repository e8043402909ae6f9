import { failureOf, type Fail } from '../../shared';

export const fail: Fail = failureOf({
  ACTOR_NOT_ALLOWED: 'forbidden',
  SYSTEM_ONLY: 'forbidden',
  SCHOOL_MISMATCH: 'forbidden',
  DECISION_NOT_FOUND: 'not-found',
  DECISION_ALREADY_ADOPTED: 'conflict',
  DECISION_ALREADY_EXECUTED: 'conflict',
  EVIDENCE_ID_DUPLICATE: 'conflict',
  CHECK_IN_ALREADY_RECORDED: 'conflict',
});
