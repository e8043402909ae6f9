import fc from 'fast-check';
import type { Services } from '../harness';
import { directorWithProcedure, type Caller } from './support/fixture';
import {
  HOSTILE_PATH_SEGMENTS,
  hostileBody,
  hostileForm,
  hostileUpload,
  RAW_BODIES,
} from './support/hostile';
import { callFor, multipartOperations, operations, operationsWithBody } from './support/routes';

/**
 * Malformed, oversized and hostile input at every endpoint, as a signed-in director of the school (the caller
 * admitted almost everywhere, so the input reaches validation): never a 5xx, never a change, always a coded 4xx.
 */
describe('hostile input at every endpoint', () => {
  let s: Services;
  let director: Caller;
  let procedureId: string;
  let writes: string[];
  let reads: string[];
  /** Writes that take no body (issue a token, poll now, revoke a key): hostile bodies must not break them. */
  let bodiless: string[];
  /** Uploads: their multipart bodies are parsed after the guard, so the use cases alone must refuse them. */
  let uploads: string[];
  const seen: number[] = [];

  beforeAll(async () => {
    ({ s, director, procedureId } = await directorWithProcedure());
    const all = await operations(s.baseUrl);
    // Signing out would end the session the test acts with; it takes no input anyway.
    const withBody = await operationsWithBody(s.baseUrl);
    writes = all.filter((r) => withBody.has(r));
    bodiless = all.filter((r) => !r.startsWith('GET ') && !withBody.has(r) && r !== 'POST /auth/logout');
    reads = all.filter((r) => r.startsWith('GET ') && r.includes('{'));
    uploads = await multipartOperations(s.baseUrl);
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
    delete process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE;
  });

  async function post(route: string, text: string, contentType: string) {
    const call = callFor(route, procedureId);
    const res = await fetch(`${s.baseUrl}${call.path}`, {
      method: call.method,
      headers: { 'content-type': contentType, ...director.headers },
      body: text,
    });
    const answer = await res.text();
    seen.push(res.status);
    return { status: res.status, answer };
  }

  /**
   * A reset request answers every well-formed login alike (202), so that nobody learns which logins exist; a
   * hostile body that happens to be a short string under `login` is such a request, and changes nothing.
   */
  const sameForEveryLogin = (route: string, status: number, answer: string) =>
    route === 'POST /auth/password-reset' && status === 202 && answer.includes('ссылка для сброса пароля');

  const clearRefusal = (status: number, answer: string, route = '') => {
    if (sameForEveryLogin(route, status, answer)) return true;
    if (status < 400 || status >= 500) return false;
    const body = JSON.parse(answer) as { code?: unknown; message?: unknown };
    return typeof body.code === 'string' && typeof body.message === 'string' && body.message.length > 0;
  };

  /**
   * A body holding nothing but a printable `reason` is not hostile: it is the whole valid body of the acts that
   * take only a reason (deactivating a person, cancelling a procedure), which would really act on the fixture.
   */
  const onlyAReason = (body: unknown) =>
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.keys(body).length > 0 &&
    Object.keys(body).every((key) => key === 'reason') &&
    typeof (body as { reason: unknown }).reason === 'string';

  it('answers every generated hostile JSON body with a coded 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), hostileBody, async (route, body) => {
        fc.pre(!onlyAReason(body));
        const { status, answer } = await post(route, JSON.stringify(body), 'application/json');
        if (!clearRefusal(status, answer, route))
          throw new Error(`${route}: ${status} ${answer.slice(0, 300)}`);
      }),
      { numRuns: 400 },
    );
  });

  it('answers raw prototype-pollution, broken, oversized and foreign-format bodies with a coded 4xx', async () => {
    const problems: string[] = [];
    for (const route of writes) {
      for (const { text, contentType } of RAW_BODIES) {
        const { status, answer } = await post(route, text, contentType);
        if (!clearRefusal(status, answer))
          problems.push(`${route} ${text.slice(0, 40)}: ${status} ${answer.slice(0, 200)}`);
        if (text.length > 256 * 1024 && contentType === 'application/json' && status !== 413) {
          problems.push(`${route}: oversized body answered ${status}, expected 413`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers hostile multipart uploads (wrong files, names, schools, years) with a coded 4xx, never another school', async () => {
    expect(uploads).toEqual(expect.arrayContaining(['POST /plans/import', 'POST /plans/templates']));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...uploads), hostileUpload, async (route, upload) => {
        const call = callFor(route, procedureId);
        const res = await fetch(`${s.baseUrl}${call.path}`, {
          method: call.method,
          headers: director.headers,
          body: hostileForm(upload),
        });
        const answer = await res.text();
        seen.push(res.status);
        if (!clearRefusal(res.status, answer))
          throw new Error(`${route} ${upload.fileName}: ${res.status} ${answer.slice(0, 300)}`);
      }),
      { numRuns: 150 },
    );
    for (const previews of ['plan_imports', 'decision_imports']) {
      expect(
        await s.db.collection(previews).countDocuments({ 'preview.schoolId': { $ne: 'school-a' } }),
      ).toBe(0);
    }
  });

  it('ignores hostile bodies sent to routes that take none, without a server error', async () => {
    const problems: string[] = [];
    for (const route of bodiless) {
      for (const { text, contentType } of RAW_BODIES) {
        const { status } = await post(route, text, contentType);
        if (status >= 500) problems.push(`${route} ${text.slice(0, 40)}: ${status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers hostile path parameters and operator-shaped queries without a server error', async () => {
    const problems: string[] = [];
    for (const route of [...reads, ...writes]) {
      const template = route.split(' ')[1];
      for (const segment of HOSTILE_PATH_SEGMENTS) {
        const path = template.replace(/\{\w+\}/g, segment);
        const res = await fetch(`${s.baseUrl}${path}?waitForPosition[$gt]=&timeoutMs=-1&token[$ne]=x`, {
          method: route.split(' ')[0],
          headers: { 'content-type': 'application/json', ...director.headers },
          ...(route.startsWith('GET ') ? {} : { body: '{}' }),
        });
        seen.push(res.status);
        if (res.status >= 500 || res.status < 400)
          problems.push(`${route} ${segment.slice(0, 20)}: ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('changed nothing: the log holds only the one procedure the test scheduled', async () => {
    const events = await s.store.readStream(`procedure-${procedureId}`);
    expect(events.map((e) => e.type)).toEqual(['ProcedureScheduled']);
    expect(await s.store.headPosition()).toBe(events[0].position);
    const counts = seen.reduce<Record<number, number>>(
      (acc, st) => ({ ...acc, [st]: (acc[st] ?? 0) + 1 }),
      {},
    );
    process.stdout.write(`[fuzz] ${seen.length} hostile requests, statuses ${JSON.stringify(counts)}\n`);
  });
});
