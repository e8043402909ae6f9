import { actorOf, canActFor, canRead, type Principal } from '@vsoko/accounts';
import { Forbidden, isAdministrator, type Actor } from '@vsoko/domain';

/**
 * Who may change a school's plan, checked inside every plan use case with the school the use case is about
 * (named in a body, or carried by a stored preview). The AuthGuard cannot be the only check: a multipart body
 * is parsed after guards run, so the guard never sees its `schoolId`.
 */
export function requirePlannerOf(principal: Principal, schoolId: string): Actor {
  requireActsFor(principal, schoolId);
  const actor = actorOf(principal);
  requirePlanner(actor);
  return actor;
}

export function requireActsFor(principal: Principal, schoolId: string): void {
  if (!canActFor(principal, schoolId)) throw otherSchool(schoolId);
}

export function requireReader(principal: Principal, schoolId: string): void {
  if (!canRead(principal, schoolId)) throw otherSchool(schoolId);
}

export function requirePlanner(actor: Actor): void {
  if (!isAdministrator(actor)) {
    throw new Forbidden(
      'ACTOR_NOT_ALLOWED',
      'Импортировать план может только администрация: директор или заместитель',
    );
  }
}

function otherSchool(schoolId: string): Forbidden {
  return new Forbidden('SCHOOL_MISMATCH', 'Нельзя читать или менять данные другой школы', { schoolId });
}
