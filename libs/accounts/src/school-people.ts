import { NotFound, personDecider, personStreamName } from '@vsoko/domain';
import type { DeciderHandler } from '@vsoko/event-sourcing';

/**
 * Every `personId` a command names, at any depth: a decision's lead and co-executors, a meeting's chair,
 * secretary and participants, a procedure's performer or new responsible. Names without an id (a role, a name
 * as the protocol writes it) are not checked: they point at nobody's account.
 */
export function personIdsIn(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    for (const [key, inner] of Object.entries(v)) {
      if (key === 'personId' && typeof inner === 'string') found.add(inner);
      else walk(inner);
    }
  };
  walk(value);
  return [...found];
}

/** What the person's own stream says about them at a school; null for an unknown id or a stranger to it. */
export async function personAt(
  handler: DeciderHandler,
  personId: string,
  schoolId: string,
): Promise<{ fullName: string; active: boolean; holdsHere: boolean } | null> {
  const { state, recorded } = await handler.load(personStreamName(personId), personDecider);
  const everHere = recorded.some(
    (e) => e.type === 'PositionAssigned' && (e.data as { schoolId?: string }).schoolId === schoolId,
  );
  if (state.status === 'unregistered' || !everHere) return null;
  return {
    fullName: state.fullName,
    active: state.status === 'active',
    holdsHere: state.holdings.some((h) => h.schoolId === schoolId),
  };
}

export function personNotFound(personId: string): NotFound {
  return new NotFound('PERSON_NOT_FOUND', `Сотрудник ${personId} не найден`);
}

/**
 * Each person a command names holds or held a position at the school. Another school's person answers like an
 * unknown id (404 PERSON_NOT_FOUND), before anything is recorded, so ids reveal nothing. One who has since left
 * still passes: a past meeting's participants and a handover's co-executors name them rightly. The API checks
 * what a client sends; the integrations worker, what a school's calendar names.
 */
export async function requireSchoolPeople(
  handler: DeciderHandler,
  schoolId: string,
  named: unknown,
): Promise<void> {
  for (const personId of personIdsIn(named)) {
    if ((await personAt(handler, personId, schoolId)) === null) throw personNotFound(personId);
  }
}
