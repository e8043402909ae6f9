import { failureOf, type Fail } from '../../shared';

export const fail: Fail = failureOf({
  ACTOR_NOT_ALLOWED: 'forbidden',
  SCHOOL_MISMATCH: 'forbidden',
  MEETING_NOT_FOUND: 'not-found',
  MEETING_ALREADY_PLANNED: 'conflict',
  MEETING_ALREADY_HELD: 'conflict',
  PROTOCOL_ALREADY_SIGNED: 'conflict',
  AGENDA_ITEM_DUPLICATE: 'conflict',
});
