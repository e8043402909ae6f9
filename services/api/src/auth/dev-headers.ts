import { isRole, type Principal, Unauthenticated } from '@vsoko/accounts';
import type { Request } from 'express';

/**
 * DEVELOPMENT STAND-IN, only with AUTH_DEV_HEADERS=true (never in `npm start`): the caller is whoever the
 * X-Actor-Id / X-Actor-Role / X-School-Id headers say. Without X-School-Id it may touch any school.
 */
export function devHeaderPrincipal(request: Request): Principal {
  const id = request.header('x-actor-id');
  const role = request.header('x-actor-role');
  if (!id || !/^[\w.@-]{1,128}$/.test(id)) {
    throw new Unauthenticated('ACTOR_REQUIRED', 'Не указан пользователь: заголовок X-Actor-Id');
  }
  if (!isRole(role)) {
    throw new Unauthenticated('ACTOR_ROLE_REQUIRED', 'Не указана роль: заголовок X-Actor-Role');
  }
  const schoolId = request.header('x-school-id');
  const name = decodedName(request.header('x-actor-name'));
  return {
    kind: 'user',
    id,
    ...(name ? { name } : {}),
    ...(schoolId ? { schoolId } : {}),
    roles: [role],
    allRoles: [role],
    permissions: [],
    readableSchools: schoolId ? [schoolId] : 'any',
    via: 'dev-headers',
  };
}

function decodedName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
