import {
  CredentialStore,
  DirectoryProjector,
  hashSecret,
  POSITION_OF_ROLE,
  type Role,
} from '@vsoko/accounts';
import {
  type CommandContext,
  type DistrictCommand,
  districtDecider,
  districtStreamName,
  type PersonCommand,
  personDecider,
  personStreamName,
  type PositionToAssign,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { EventStore } from '@vsoko/event-store';
import type { Db } from 'mongodb';

export const TEST_PASSWORD = 'correct horse battery staple';

/** What the helpers need of a test's stack: its event log and its MongoDB database. */
export interface Stack {
  store: EventStore;
  db: Db;
}

export interface AccountSpec {
  login: string;
  /** An old role, held as the position it maps to (a deputy по УВР); or give `positions`. */
  role?: Role;
  /** The school (for school roles) or the district (for `inspector`, `district-admin`). */
  scope?: string;
  positions?: PositionToAssign[];
  name?: string;
  email?: string;
  /** `null`: no password yet (a new member of staff who has not followed an invitation). */
  password?: string | null;
}

/*
 * Accounts for tests, written as the installation would: organisation events through the one command handler
 * (system authority), then the directory caught up from the log, as the API's follower does.
 */

function ctx(key: string, schoolId = ''): CommandContext {
  return {
    commandId: `test-accounts:${key}`,
    actor: { id: 'test-setup', kind: 'system' },
    issuedAt: new Date().toISOString(),
    correlationId: 'test-accounts',
    causationId: `test-accounts:${key}`,
    schoolId,
  };
}

const system = { kind: 'system' } as const;

/** A district and its schools; names as given, or made up from the ids. */
export async function putDistrict(
  s: Stack,
  districtId: string,
  schoolIds: string[],
  names: { district?: string; schools?: Record<string, string> } = {},
): Promise<void> {
  const handler = new DeciderHandler(s.store);
  const stream = districtStreamName(districtId);
  const register: DistrictCommand = {
    type: 'RegisterDistrict',
    data: { districtId, name: names.district ?? `Район ${districtId}`, authority: system },
  };
  await handler.handle(stream, districtDecider, register, ctx(`district:${districtId}`));
  for (const schoolId of schoolIds) {
    const open: DistrictCommand = {
      type: 'RegisterSchool',
      data: {
        districtId,
        schoolId,
        name: names.schools?.[schoolId] ?? `Школа ${schoolId}`,
        authority: system,
      },
    };
    await handler.handle(stream, districtDecider, open, ctx(`school:${schoolId}`, schoolId));
  }
  await new DirectoryProjector(s.db).catchUp(s.store);
}

export function positionsOf(spec: AccountSpec): PositionToAssign[] {
  if (spec.positions) return spec.positions;
  if (!spec.role || !spec.scope)
    throw new Error(`account ${spec.login}: give a role and a scope, or positions`);
  const position = POSITION_OF_ROLE[spec.role];
  return spec.role === 'inspector' || spec.role === 'district-admin'
    ? [{ position, districtId: spec.scope }]
    : [{ position, schoolId: spec.scope }];
}

export async function putAccount(s: Stack, spec: AccountSpec): Promise<void> {
  const handler = new DeciderHandler(s.store);
  const stream = personStreamName(spec.login);
  const run = (key: string, command: PersonCommand, schoolId?: string) =>
    handler.handle(stream, personDecider, command, ctx(`${spec.login}:${key}`, schoolId));
  await run('register', {
    type: 'RegisterPerson',
    data: {
      personId: spec.login,
      fullName: spec.name ?? spec.login,
      ...(spec.email ? { email: spec.email } : {}),
      authority: system,
    },
  });
  for (const holding of positionsOf(spec)) {
    const key = `${holding.schoolId ?? holding.districtId}:${holding.position}:${holding.className ?? holding.association ?? ''}`;
    await run(
      key,
      { type: 'AssignPosition', data: { personId: spec.login, holding, authority: system } },
      holding.schoolId,
    );
  }
  const credentials = new CredentialStore(s.db);
  const password = spec.password === undefined ? TEST_PASSWORD : spec.password;
  if (password !== null && (await credentials.passwordHashOf(spec.login)) === undefined) {
    // Revision -1: as an installation sets it, below any event of the person's credentials stream.
    await credentials.setPasswordHash(spec.login, await hashSecret(password), -1, new Date());
  }
  await new DirectoryProjector(s.db).catchUp(s.store);
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
  s: Stack & { baseUrl: string },
  role: Role,
  scope: string,
  options: { id?: string; name?: string; positions?: PositionToAssign[] } = {},
): Promise<Record<string, string>> {
  const loginName = (options.id ?? `${role}-${scope}`).toLowerCase();
  await putAccount(s, { login: loginName, role, scope, name: options.name, positions: options.positions });
  return login(s.baseUrl, loginName);
}
