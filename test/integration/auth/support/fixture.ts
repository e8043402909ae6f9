import { POSITION_POLICY, type Role } from '@vsoko/accounts';
import { academicYearOf, localDateOf, type PositionToAssign } from '@vsoko/domain';
import { randomUUID } from 'node:crypto';
import { startServices, type Services } from '../../harness';
import { loginAs, putDistrict } from '../accounts';

export const TZ = 'Europe/Moscow';
export const today = localDateOf(Date.now(), TZ);
export const academicYear = academicYearOf(today);

export interface Caller {
  name: string;
  headers: Record<string, string>;
  /** Role held at school-a (or over its district); absent for strangers, the integration and anonymous. */
  role?: Role;
  kind: 'anonymous' | 'member' | 'stranger' | 'integration';
}

/** A procedure at `schoolId` whose responsible is the school's deputy, `deputy-<school>` (loginAs's default id). */
export const scheduleBody = (schoolId = 'school-a') => ({
  id: `p-${randomUUID()}`,
  schoolId,
  academicYear,
  title: 'Мониторинг адаптации пятиклассников',
  direction: 'process',
  responsible: { role: 'deputy', personId: `deputy-${schoolId}`, name: 'Иванова А. П.' },
  window: { from: today, to: today },
  timeZone: TZ,
});

/** Holders of the positions the five roles of old did not name, at school-a. */
const POSITION_CALLERS: PositionToAssign[] = [
  { position: 'deputy-safety', schoolId: 'school-a' },
  { position: 'smo-head', schoolId: 'school-a', association: 'ШМО учителей начальных классов' },
  { position: 'class-teacher', schoolId: 'school-a', className: '5А' },
  { position: 'librarian', schoolId: 'school-a' },
  { position: 'secretary', schoolId: 'school-a' },
];

/** district-1 = {school-a, school-b}, district-2 = {school-c}; everyone of school-a, strangers, a key. */
export async function callers(s: Services): Promise<Caller[]> {
  await putDistrict(s, 'district-1', ['school-a', 'school-b']);
  await putDistrict(s, 'district-2', ['school-c']);
  const list: Caller[] = [{ name: 'anonymous', headers: {}, kind: 'anonymous' }];
  for (const role of ['director', 'deputy', 'methodist', 'teacher', 'auditor'] as const) {
    list.push({ name: role, role, kind: 'member', headers: await loginAs(s, role, 'school-a') });
  }
  list.push({
    name: 'inspector',
    role: 'inspector',
    kind: 'member',
    headers: await loginAs(s, 'inspector', 'district-1'),
  });
  list.push({
    name: 'district administrator',
    role: 'district-admin',
    kind: 'member',
    headers: await loginAs(s, 'district-admin', 'district-1'),
  });
  // Positions as schools name them: each admitted as the role the policy table gives it.
  for (const holding of POSITION_CALLERS) {
    list.push({
      name: `${holding.position} of school-a`,
      role: POSITION_POLICY[holding.position].role,
      kind: 'member',
      headers: await loginAs(s, POSITION_POLICY[holding.position].role, 'school-a', {
        id: `${holding.position}-school-a`,
        positions: [holding],
      }),
    });
  }
  list.push({
    name: 'director of school-b',
    kind: 'stranger',
    headers: await loginAs(s, 'director', 'school-b'),
  });
  list.push({
    name: 'teacher of school-b',
    kind: 'stranger',
    headers: await loginAs(s, 'teacher', 'school-b'),
  });
  list.push({
    name: 'inspector of district-2',
    kind: 'stranger',
    headers: await loginAs(s, 'inspector', 'district-2'),
  });
  const director = list.find((c) => c.name === 'director')!;
  const res = await fetch(`${s.baseUrl}/auth/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...director.headers },
    body: JSON.stringify({ name: 'Календарь', permissions: ['procedures:read', 'procedures:write'] }),
  });
  const { key } = (await res.json()) as { key: string };
  list.push({ name: 'integration of school-a', kind: 'integration', headers: { 'X-Api-Key': key } });
  return list;
}

/**
 * The services with sign-in required and no rate limit in the way, school-a's director, and one procedure of
 * school-a: where hostile-input tests start.
 */
export async function directorWithProcedure(): Promise<{
  s: Services;
  director: Caller;
  procedureId: string;
}> {
  process.env.AUTH_DEV_HEADERS = 'false';
  process.env.RATE_LIMIT_PER_MINUTE = '100000';
  // These suites sign in every kind of caller from one address, more than once; the per-address cap on
  // sign-in attempts has its own test in sessions.int-spec.ts.
  process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = '100000';
  const s = await startServices();
  const director = (await callers(s)).find((c) => c.name === 'director')!;
  const body = scheduleBody('school-a');
  const res = await fetch(`${s.baseUrl}/procedures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...director.headers },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`scheduling school-a's procedure answered ${res.status}`);
  return { s, director, procedureId: body.id };
}
