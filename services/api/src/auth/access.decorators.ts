import { SetMetadata } from '@nestjs/common';
import type { Role } from '@vsoko/accounts';

export const PUBLIC_KEY = 'vsoko:public';
export const ROLES_KEY = 'vsoko:roles';
export const PERMISSIONS_KEY = 'vsoko:permissions';
export const ANY_PRINCIPAL_KEY = 'vsoko:any-principal';
export const ADMINISTERS_KEY = 'vsoko:administers';

/** No credentials needed: health, docs, login, and routes that check their own token or signature. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Only people holding one of these roles at the acting school. Without it a route is open to every role for
 * reading (GET) and to staff — not to auditors or inspectors — for everything else; integrations are let in
 * only by `@Permit` or by that default.
 */
export const Allow = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Integrations holding one of these permissions; without it GET needs `<resource>:read`, others `<resource>:write`. */
export const Permit = (...permissions: string[]) => SetMetadata(PERMISSIONS_KEY, permissions);

/** Any authenticated caller, person or integration, whatever its role (e.g. "who am I", "sign out"). */
export const AnyPrincipal = () => SetMetadata(ANY_PRINCIPAL_KEY, true);

/**
 * Administration (schools, people, positions): people who administer somewhere — a director (their school) or a
 * district administrator (their district). Ids the request names need only be readable; each use case then
 * checks that the caller administers exactly that school, district or person. Integrations never.
 */
export const Administers = () => SetMetadata(ADMINISTERS_KEY, true);
