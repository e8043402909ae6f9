import { Directory, type Role, type SchoolRole } from '@vsoko/accounts';
import type { Db } from 'mongodb';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface AccountSpec {
  login: string;
  role: Role;
  /** The school (for school roles) or the district (for `inspector`). */
  scope: string;
  name?: string;
}

/** A district and its schools, as the seed writes them. */
export async function putDistrict(db: Db, districtId: string, schoolIds: string[]): Promise<void> {
  const directory = new Directory(db);
  await directory.putDistrict({ id: districtId, name: `Район ${districtId}` });
  for (const id of schoolIds) await directory.putSchool({ id, districtId, name: `Школа ${id}` });
}

export async function putAccount(db: Db, spec: AccountSpec): Promise<void> {
  await new Directory(db).putUser({
    login: spec.login,
    name: spec.name ?? spec.login,
    password: TEST_PASSWORD,
    ...(spec.role === 'inspector'
      ? { inspects: [spec.scope] }
      : { memberships: [{ schoolId: spec.scope, roles: [spec.role as SchoolRole] }] }),
  });
}

/** Signs in over HTTP as the real client does and answers the headers to send. */
export async function login(baseUrl: string, loginName: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { Authorization: `Bearer ${token}` };
}

/**
 * A person with `role` at `scope` (a school, or a district for inspectors), created if needed, signed in.
 * The login is the actor id that lands in event metadata; by default `<role>-<scope>`.
 */
export async function loginAs(
  s: { baseUrl: string; db: Db },
  role: Role,
  scope: string,
  options: { id?: string; name?: string } = {},
): Promise<Record<string, string>> {
  const loginName = options.id ?? `${role}-${scope}`;
  await putAccount(s.db, { login: loginName, role, scope, name: options.name });
  return login(s.baseUrl, loginName);
}
