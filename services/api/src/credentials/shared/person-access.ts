import { canActFor, personNotFound, type Principal, type UserDocument } from '@vsoko/accounts';

/**
 * The school through which the caller administers the person: the school the caller acts for, if the person
 * works there. A person of another school is answered as unknown (404), so that ids of other schools' staff
 * cannot be probed. The caller's role was checked by the guard (@Allow) and is checked again here.
 */
export function administeredSchool(principal: Principal, person: UserDocument): string {
  const schoolId = principal.schoolId;
  const member = person.memberships.some((m) => schoolId !== undefined && m.schoolId === schoolId);
  if (
    principal.kind !== 'user' ||
    schoolId === undefined ||
    !canActFor(principal, schoolId) ||
    !member ||
    !principal.roles.includes('director')
  ) {
    throw personNotFound(person._id);
  }
  return schoolId;
}
