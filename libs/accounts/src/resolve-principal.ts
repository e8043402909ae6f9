import type { Holding } from '@vsoko/domain';
import { schoolNotAllowed } from './errors';
import { answersForOf, rolesOf } from './policy';
import type { Principal } from './principal';
import type { Role } from './roles';
import type { Directory } from './store/directory';
import type { Membership, UserDocument } from './store/documents';

/**
 * A person's principal for one request, from the positions the directory holds (a projection of the
 * organisation's events). `schoolHint` (the X-School-Id header or the school the request names) picks the
 * acting school among the person's schools; a person of one school needs none.
 */
export async function resolveUserPrincipal(
  directory: Directory,
  user: UserDocument,
  schoolHint: string | undefined,
  sessionId: string,
): Promise<Principal> {
  const inspects = user.inspects ?? [];
  const administers = user.administers ?? [];
  const inspected = new Set<string>();
  const administered = new Set<string>();
  for (const districtId of new Set([...inspects, ...administers])) {
    const district = await directory.district(districtId);
    for (const schoolId of district?.schoolIds ?? []) {
      if (inspects.includes(districtId)) inspected.add(schoolId);
      if (administers.includes(districtId)) administered.add(schoolId);
    }
  }
  const member = new Set(user.memberships.map((m) => m.schoolId));
  const readable = [...new Set([...member, ...inspected, ...administered])];

  let schoolId = schoolHint;
  if (schoolId !== undefined && !readable.includes(schoolId)) throw schoolNotAllowed(schoolId);
  if (schoolId === undefined && member.size === 1 && inspected.size === 0 && administered.size === 0) {
    schoolId = user.memberships[0].schoolId;
  }
  const membership = user.memberships.find((m) => m.schoolId === schoolId);
  const roles: Role[] = membership ? rolesAt(membership) : [];
  if (schoolId !== undefined && inspected.has(schoolId)) roles.push('inspector');
  if (schoolId !== undefined && administered.has(schoolId)) roles.push('district-admin');
  const positions: Holding[] = membership?.positions ?? [];
  return {
    kind: 'user',
    id: user._id,
    name: user.name,
    ...(schoolId !== undefined ? { schoolId } : {}),
    roles,
    allRoles: [
      ...new Set<Role>([
        ...user.memberships.flatMap(rolesAt),
        ...(inspects.length > 0 ? (['inspector'] as const) : []),
        ...(administers.length > 0 ? (['district-admin'] as const) : []),
      ]),
    ],
    positions,
    answersFor: membership ? (membership.positions ? answersForOf(positions) : [...membership.roles]) : [],
    administers: {
      districts: [...administers],
      schools: user.memberships
        .filter((m) =>
          m.positions ? m.positions.some((h) => h.position === 'director') : m.roles.includes('director'),
        )
        .map((m) => m.schoolId),
    },
    permissions: [],
    readableSchools: readable,
    via: 'session',
    sessionId,
  };
}

/** Roles from positions by the policy table; a document from before positions carries its roles itself. */
function rolesAt(membership: Membership): Role[] {
  return membership.positions ? rolesOf(membership.positions) : [...membership.roles];
}
