import { NativeConnection } from '@temporalio/worker';
import { NOTHING_ALLOWED } from '@vsoko/outbound';
import { runIntegrationsWorker, type RunningWorker } from '../calendar/setup';
import { startServices, type Services } from '../harness';
import { academicYear, callers, scheduleBody, type Caller } from './support/fixture';
import { admissionOf, GUARD_REFUSALS, isOwnSchoolsList } from './support/route-policy';
import {
  callFor,
  DECISIONS_REPORT_CSV,
  EMPTY_ICS,
  formOf,
  operations,
  PLAN_CSV,
  send,
  type StoredIds,
} from './support/routes';

/**
 * Every endpoint of the live OpenAPI document × every kind of caller: people of each role at school-a, an
 * inspector of its district, people of another school and another district, an integration key, nobody.
 */
describe('who may call what: the whole API against every role and tenant', () => {
  let s: Services;
  let who: Caller[];
  let procedureId: string;
  let routes: string[];
  /** Polls school-a's calendar file when an admitted caller asks for it. */
  let integrations: (RunningWorker & { connection: NativeConnection }) | undefined;
  /** Records school-a stored for itself, named by id in other callers' requests. */
  const stored: StoredIds = {};
  const storedPreviews = async () =>
    (await s.db.collection('plan_imports').countDocuments()) +
    (await s.db.collection('decision_imports').countDocuments());

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    s = await startServices();
    who = await callers(s);
    const director = who.find((c) => c.name === 'director')!;
    const body = scheduleBody('school-a');
    const res = await fetch(`${s.baseUrl}/procedures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...director.headers },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    procedureId = body.id;
    const { position } = (await res.json()) as { position: number };
    const read = await fetch(`${s.baseUrl}/procedures/${procedureId}?waitForPosition=${position}`, {
      headers: director.headers,
    });
    expect(read.status).toBe(200);
    const preview = await fetch(`${s.baseUrl}/plans/import`, {
      method: 'POST',
      headers: director.headers,
      body: formOf({ schoolId: 'school-a', academicYear }, PLAN_CSV, 'plan.csv'),
    });
    expect(preview.status).toBe(200);
    stored.importId = ((await preview.json()) as { importId: string }).importId;
    const decisions = await fetch(`${s.baseUrl}/decisions/imports`, {
      method: 'POST',
      headers: director.headers,
      body: formOf({ schoolId: 'school-a', academicYear }, DECISIONS_REPORT_CSV, 'otchet.csv'),
    });
    expect(decisions.status).toBe(200);
    stored.decisionsImportId = ((await decisions.json()) as { importId: string }).importId;
    const integration = await fetch(`${s.baseUrl}/integrations/calendar`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...director.headers },
      body: JSON.stringify({ schoolId: 'school-a', name: 'Календарь школы A' }),
    });
    expect(integration.status).toBe(201);
    stored.integrationId = ((await integration.json()) as { integrationId: string }).integrationId;
    const feed = await fetch(`${s.baseUrl}/integrations/calendar/${stored.integrationId}/feeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...director.headers },
      body: JSON.stringify({ title: 'Файл', ics: EMPTY_ICS }),
    });
    expect(feed.status).toBe(201);
    stored.feedId = ((await feed.json()) as { feedId: string }).feedId;
    const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    integrations = { ...(await runIntegrationsWorker(s, connection, NOTHING_ALLOWED)), connection };
    // The subscription's own first poll is recorded before the walk, which counts every append.
    for (let polled = false; !polled; await new Promise((r) => setTimeout(r, 100))) {
      const status = await fetch(`${s.baseUrl}/integrations/calendar/feeds/${stored.feedId}`, {
        headers: director.headers,
      });
      polled = ((await status.json()) as { lastPoll?: unknown }).lastPoll !== undefined;
    }
    routes = (await operations(s.baseUrl)).sort((a, b) => weight(a) - weight(b));
  });
  afterAll(async () => {
    await integrations?.stop();
    await integrations?.connection.close();
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
  });

  /** Signing out ends the caller's session, so it goes last. */
  const weight = (route: string) => (route === 'POST /auth/logout' ? 1 : 0);

  const admitted = (route: string, caller: Caller): boolean => {
    const admission = admissionOf(route);
    if (admission === 'public') return true;
    if (caller.kind === 'anonymous') return false;
    if (admission === 'any-principal') return true;
    if (caller.kind === 'integration') return admission.integrations;
    if (caller.kind === 'stranger') return true;
    return admission.roles.includes(caller.role!);
  };

  /** Routes about some school's data; public and "any signed-in caller" routes answer for themselves. */
  const tenantScoped = (route: string) => typeof admissionOf(route) === 'object';

  it('walks a non-trivial API', () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /procedures',
        'GET /procedures/{id}',
        'POST /procedures/{id}/performed',
        'POST /auth/login',
        'GET /health',
      ]),
    );
  });

  it('refuses every caller the rules do not admit, strangers never get school-a data, and nothing is recorded', async () => {
    const head = await s.store.headPosition();
    const previews = await storedPreviews();
    const problems: string[] = [];
    for (const route of routes) {
      for (const caller of who) {
        if (admitted(route, caller) && (caller.kind !== 'stranger' || !tenantScoped(route))) continue;
        const call = callFor(route, procedureId, stored);
        const { status, code, text } = await send(s.baseUrl, call, caller.headers);
        const where = `${route} as ${caller.name}: ${status} ${code}`;
        if (caller.kind === 'stranger' && isOwnSchoolsList(route)) {
          // A role the list is not open to at all is refused as in its own school.
          const admission = admissionOf(route);
          const roleRefused =
            typeof admission === 'object' && !admission.roles.includes(caller.role!) && status === 403;
          if (status !== 200 && status !== 400 && !roleRefused)
            problems.push(`${where}, expected its own (empty) list or 400`);
          if (text.includes('school-a')) problems.push(`${where}, leaked school-a data`);
        } else if (caller.kind === 'anonymous') {
          if (status !== 401 || code !== 'ACTOR_REQUIRED')
            problems.push(`${where}, expected 401 ACTOR_REQUIRED`);
        } else if (caller.kind === 'stranger') {
          if (status < 400 || status >= 500) problems.push(`${where}, expected a 4xx`);
          if (call.namesSchoolA && ![403, 404].includes(status))
            problems.push(`${where}, expected 403 or 404`);
        } else {
          const expected = caller.kind === 'integration' ? 'PERMISSION_REQUIRED' : 'ROLE_NOT_ALLOWED';
          if (status !== 403 || code !== expected) problems.push(`${where}, expected 403 ${expected}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await s.store.headPosition()).toBe(head);
    // A multipart upload is parsed after the guard: a refused one must not have stored a preview either.
    expect(await storedPreviews()).toBe(previews);
    expect(await s.store.readStream(`procedure-${procedureId}`)).toHaveLength(1);
  });

  it('lets every admitted caller past authorisation, and every reader of school-a read its procedure', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      for (const caller of who) {
        if (!admitted(route, caller) || (caller.kind === 'stranger' && tenantScoped(route))) continue;
        const { status, code } = await send(s.baseUrl, callFor(route, procedureId, stored), caller.headers);
        const where = `${route} as ${caller.name}: ${status} ${code}`;
        if (status >= 500) problems.push(`${where}, a server error`);
        if (admissionOf(route) !== 'public' && GUARD_REFUSALS.includes(code ?? '')) {
          problems.push(`${where}, refused by the guard although admitted`);
        }
        if (route === 'GET /procedures/{id}' && status !== 200) problems.push(`${where}, expected 200`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('records the signed-in person, not a header, as the actor of the event', async () => {
    const events = await s.store.readStream(`procedure-${procedureId}`);
    expect(events[0].metadata).toMatchObject({
      actor: { id: 'director-school-a', kind: 'user', role: 'director', name: 'director-school-a' },
      schoolId: 'school-a',
    });
  });
});
