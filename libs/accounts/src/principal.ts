import type { Holding } from '@vsoko/domain';
import { leadingRole, READ_ONLY_ROLES, type Role } from './roles';

/** Who is calling, after authentication: a person (session) or an integration (API key). */
export interface Principal {
  kind: 'user' | 'integration';
  id: string;
  name?: string;
  /** The school this request acts for; absent when a person of several schools named none. */
  schoolId?: string;
  /** Roles at `schoolId` (an inspector holds `inspector` at every school of the district). */
  roles: Role[];
  /** Roles held anywhere (every school, and `inspector` for a district): tells "not allowed" from "name a school". */
  allRoles: Role[];
  /** Positions held at `schoolId` (people signed in only). */
  positions?: Holding[];
  /** The plan's responsible roles the person answers for at `schoolId` (policy table); absent for stand-ins. */
  answersFor?: string[];
  /** Where the person may administer: districts (district administrator) and schools (director). */
  administers?: { districts: string[]; schools: string[] };
  /** Integrations only: named permissions such as `procedures:write`. */
  permissions: string[];
  /** Schools whose data this principal may read; `any` only for the development header stand-in. */
  readableSchools: readonly string[] | 'any';
  /** How the principal was established; `dev-headers` is the development stand-in. */
  via: 'session' | 'api-key' | 'dev-headers';
  sessionId?: string;
}

export function canRead(principal: Principal, schoolId: string): boolean {
  return principal.readableSchools === 'any' || principal.readableSchools.includes(schoolId);
}

/**
 * Whether the principal may change data of the school: only the very school it acts for in this request (the
 * development stand-in without X-School-Id may act for any).
 */
export function canActFor(principal: Principal, schoolId: string): boolean {
  if (principal.readableSchools === 'any')
    return principal.schoolId === undefined || principal.schoolId === schoolId;
  return principal.schoolId === schoolId;
}

export function isReadOnly(principal: Principal): boolean {
  return principal.kind === 'user' && principal.roles.every((r) => READ_ONLY_ROLES.includes(r));
}

/** The actor recorded in event metadata. */
export function actorOf(principal: Principal): {
  id: string;
  kind: 'user' | 'integration';
  role?: string;
  name?: string;
  answersFor?: string[];
} {
  // Acting for no school (a district administrator's acts): the capacity held anywhere speaks for them.
  const role =
    principal.kind === 'user'
      ? leadingRole(principal.roles.length > 0 ? principal.roles : principal.allRoles)
      : undefined;
  return {
    id: principal.id,
    kind: principal.kind,
    ...(role ? { role } : {}),
    ...(principal.name ? { name: principal.name } : {}),
    ...(principal.kind === 'user' && principal.answersFor ? { answersFor: principal.answersFor } : {}),
  };
}
