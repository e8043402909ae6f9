import { schoolNotAllowed } from './errors';
import type { Principal } from './principal';
import type { Role } from './roles';
import type { Directory } from './store/directory';
import type { UserDocument } from './store/documents';

/**
 * A person's principal for one request. `schoolHint` (the X-School-Id header or the school the request names)
 * picks the acting school among the person's schools; a person of one school needs none.
 */
export async function resolveUserPrincipal(
  directory: Directory,
  user: UserDocument,
  schoolHint: string | undefined,
  sessionId: string,
): Promise<Principal> {
  const inspected = new Set<string>();
  for (const districtId of user.inspects) {
    const district = await directory.district(districtId);
    for (const schoolId of district?.schoolIds ?? []) inspected.add(schoolId);
  }
  const member = new Set(user.memberships.map((m) => m.schoolId));
  const readable = [...new Set([...member, ...inspected])];

  let schoolId = schoolHint;
  if (schoolId !== undefined && !readable.includes(schoolId)) throw schoolNotAllowed(schoolId);
  if (schoolId === undefined && user.memberships.length === 1 && inspected.size === 0) {
    schoolId = user.memberships[0].schoolId;
  }
  const roles: Role[] = [];
  if (schoolId !== undefined) {
    roles.push(...(user.memberships.find((m) => m.schoolId === schoolId)?.roles ?? []));
    if (inspected.has(schoolId)) roles.push('inspector');
  }
  return {
    kind: 'user',
    id: user._id,
    name: user.name,
    ...(schoolId !== undefined ? { schoolId } : {}),
    roles,
    allRoles: [
      ...new Set<Role>([
        ...user.memberships.flatMap((m) => m.roles),
        ...(user.inspects.length > 0 ? (['inspector'] as const) : []),
      ]),
    ],
    permissions: [],
    readableSchools: readable,
    via: 'session',
    sessionId,
  };
}
