import {
  canActFor,
  canRead,
  type Principal,
  type Role,
  ROLE_NAMES,
  ROLES,
  STAFF_ROLES,
} from '@vsoko/accounts';
import { Forbidden, ValidationFailed } from '@vsoko/domain';

export interface RouteAccess {
  method: string;
  /** First segment of the controller path (`procedures`, `plans`, …): the resource of default permissions. */
  resource: string;
  roles?: Role[];
  permissions?: string[];
  anyPrincipal?: boolean;
  /** Administration routes (`@Administers`): directors and district administrators, the use case checks where. */
  administers?: boolean;
}

/** School ids a request names in its path, query or JSON body. */
export interface SchoolReferences {
  params: unknown;
  query: unknown;
  body: unknown;
}

const SAFE = ['GET', 'HEAD', 'OPTIONS'];

export const isSafe = (method: string) => SAFE.includes(method.toUpperCase());

/** Throws the refusal (403/400) or returns; authentication has already happened. */
export function authorize(route: RouteAccess, principal: Principal, refs: SchoolReferences): void {
  if (route.administers) return authorizeAdministration(principal, refs);
  checkSchoolReferences(route, principal, refs);
  if (route.anyPrincipal) return;
  const safe = isSafe(route.method);
  if (principal.kind === 'integration') {
    const required =
      route.permissions ?? (route.roles ? [] : [`${route.resource}:${safe ? 'read' : 'write'}`]);
    if (!required.some((p) => principal.permissions.includes(p))) {
      throw new Forbidden('PERMISSION_REQUIRED', 'У ключа интеграции нет нужного разрешения', { required });
    }
    return;
  }
  const roles = route.roles ?? (safe ? ROLES : STAFF_ROLES);
  const needsSchool = !safe || route.roles !== undefined;
  if (needsSchool && principal.schoolId === undefined && principal.readableSchools !== 'any') {
    if (!principal.allRoles.some((r) => roles.includes(r))) throw roleNotAllowed(roles, principal);
    throw schoolRequired();
  }
  if (!needsSchool && principal.readableSchools !== 'any' && principal.readableSchools.length === 0) {
    throw new Forbidden('NO_SCHOOL_ACCESS', 'Учётная запись не связана ни с одной школой');
  }
  if (needsSchool && !principal.roles.some((r) => roles.includes(r))) throw roleNotAllowed(roles, principal);
}

const ADMINISTRATORS: readonly Role[] = ['director', 'district-admin'];

function authorizeAdministration(principal: Principal, refs: SchoolReferences): void {
  if (principal.kind === 'integration') {
    throw new Forbidden('PERMISSION_REQUIRED', 'Сотрудников и должности ведут люди, а не ключи интеграций', {
      required: [],
    });
  }
  if (!principal.allRoles.some((r) => ADMINISTRATORS.includes(r)))
    throw roleNotAllowed(ADMINISTRATORS, principal);
  for (const schoolId of schoolIdsIn(refs)) {
    if (!canRead(principal, schoolId)) {
      throw new Forbidden('SCHOOL_MISMATCH', 'Нельзя читать или менять данные другой школы', { schoolId });
    }
  }
}

/**
 * Tenant isolation for everything a request names: a `schoolId` in the path, query or JSON body must be a
 * school the caller may read (GET) or the very school it acts for (anything else).
 */
function checkSchoolReferences(route: RouteAccess, principal: Principal, refs: SchoolReferences): void {
  const safe = isSafe(route.method);
  for (const schoolId of schoolIdsIn(refs)) {
    const allowed = safe ? canRead(principal, schoolId) : canActFor(principal, schoolId);
    if (!allowed) {
      throw new Forbidden('SCHOOL_MISMATCH', 'Нельзя читать или менять данные другой школы', { schoolId });
    }
  }
}

export function schoolIdsIn(refs: SchoolReferences): string[] {
  const ids: string[] = [];
  for (const source of [refs.params, refs.query, refs.body]) {
    if (source && typeof source === 'object' && !Array.isArray(source)) {
      const value = (source as Record<string, unknown>).schoolId;
      if (typeof value === 'string') ids.push(value);
    }
  }
  return ids;
}

export function schoolRequired(): ValidationFailed {
  return new ValidationFailed(
    'SCHOOL_REQUIRED',
    'Вы работаете в нескольких школах: укажите школу в заголовке X-School-Id',
  );
}

function roleNotAllowed(roles: readonly Role[], principal: Principal): Forbidden {
  return new Forbidden(
    'ROLE_NOT_ALLOWED',
    `Действие доступно ролям: ${roles.map((r) => ROLE_NAMES[r]).join(', ')}`,
    { roles: principal.roles },
  );
}
