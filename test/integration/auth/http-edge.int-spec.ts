import { randomUUID } from 'node:crypto';
import * as net from 'node:net';
import type { Services } from '../harness';
import {
  academicYear,
  callers,
  directorWithProcedure,
  scheduleBody,
  today,
  TZ,
  type Caller,
} from './support/fixture';
import { callFor, operations, operationsWithBody } from './support/routes';

/**
 * What the HTTP edge refuses before any use case runs, on every route: bodies too deep to validate, keys that
 * reach prototypes, text no person typed, broken JSON, and requests Node itself cannot parse.
 */
describe('the HTTP edge', () => {
  let s: Services;
  let director: Caller;
  let procedureId: string;
  let writes: string[];

  beforeAll(async () => {
    ({ s, director, procedureId } = await directorWithProcedure());
    const withBody = await operationsWithBody(s.baseUrl);
    writes = (await operations(s.baseUrl)).filter((r) => withBody.has(r));
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
    delete process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE;
  });

  async function post(path: string, text: string, method = 'POST') {
    return fetch(`${s.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...director.headers },
      body: text,
    });
  }

  async function answer(res: Response) {
    const text = await res.text();
    return { status: res.status, ...(JSON.parse(text) as { code?: string; message?: string }) };
  }

  /** Every route that takes a body, sent `text`: what each answered, as `route status code`. */
  async function everyWrite(text: string): Promise<string[]> {
    const seen: string[] = [];
    for (const route of writes) {
      const call = callFor(route, procedureId);
      const { status, code } = await answer(await post(call.path, text, call.method));
      seen.push(`${route} ${status} ${code}`);
    }
    return seen;
  }

  it('walks the routes that take a body', () => {
    expect(writes).toEqual(expect.arrayContaining(['POST /procedures', 'POST /auth/login']));
  });

  it('answers a deeply nested array with 400 BODY_TOO_DEEP on every route', async () => {
    const deep = '{"title":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}';
    expect(await everyWrite(deep)).toEqual(writes.map((r) => `${r} 400 BODY_TOO_DEEP`));
  });

  it('answers a deeply nested object with 400 BODY_TOO_DEEP on every route', async () => {
    const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    expect(await everyWrite(deep)).toEqual(writes.map((r) => `${r} 400 BODY_TOO_DEEP`));
  });

  it('answers broken JSON with its own code, MALFORMED_JSON, in Russian', async () => {
    const res = await answer(await post('/procedures', '{"title": '));
    expect(res).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    expect(res.message).toMatch(/JSON/);
  });

  const withKey = (key: string) => {
    const text = JSON.stringify(scheduleBody('school-a'));
    if (key === '__proto__') return text.replace(/^\{/, '{"__proto__": {"polluted": true}, ');
    return text.replace('"responsible":{', `"responsible":{"${key}": {"polluted": true}, `);
  };

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a body with a %s key instead of dropping it',
    async (key) => {
      const res = await answer(await post('/procedures', withKey(key)));
      expect(res).toMatchObject({ status: 400, code: 'BODY_KEY_FORBIDDEN' });
      expect(res.message).toContain(key);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it.each([
    ['a NUL character', 'ВПР\u0000 по математике'],
    ['a lone surrogate', 'ВПР \ud800 по математике'],
  ])('refuses a title with %s', async (_what, title) => {
    const res = await answer(await post('/procedures', JSON.stringify({ ...scheduleBody(), title })));
    expect(res).toMatchObject({ status: 400, code: 'TEXT_INVALID_CHARACTER' });
    expect(res.message).toContain('title');
  });

  it('refuses a lone surrogate written as a JSON escape', async () => {
    const text = JSON.stringify({ ...scheduleBody(), title: 'ВПР' }).replace('"ВПР"', '"ВПР\\udc00"');
    const res = await answer(await post('/procedures', text));
    expect(res).toMatchObject({ status: 400, code: 'TEXT_INVALID_CHARACTER' });
  });

  it('keeps ordinary text: line breaks, tabs, emoji and Cyrillic pass', async () => {
    const title = 'ВПР по математике\n\t4 «А» класс 📐';
    const res = await post('/procedures', JSON.stringify({ ...scheduleBody(), title }));
    expect(res.status).toBe(201);
  });

  it('refuses an academic year far from now, which would be overdue the moment it is scheduled', async () => {
    const body = {
      ...scheduleBody(),
      academicYear: '1900/01',
      window: { from: '1900-10-01', to: '1900-10-31' },
    };
    const res = await answer(await post('/procedures', JSON.stringify(body)));
    expect(res).toMatchObject({ status: 422, code: 'ACADEMIC_YEAR_IMPLAUSIBLE' });
  });

  it('refuses a title made only of zero-width characters', async () => {
    const body = { ...scheduleBody(), title: '\u200b\u200c\u200d\ufeff' };
    const res = await answer(await post('/procedures', JSON.stringify(body)));
    expect(res).toMatchObject({ status: 422, code: 'TITLE_REQUIRED' });
  });

  it('caps how long GET /procedures/:id may wait for the read models, as the lists do', async () => {
    const res = await fetch(
      `${s.baseUrl}/procedures/${procedureId}?waitForPosition=999999999&timeoutMs=600000`,
      {
        headers: director.headers,
      },
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it("answers for another school's procedure exactly as for an unknown id, on every route that names one", async () => {
    const stranger = (await callers(s)).find((c) => c.name === 'director of school-b')!;
    const unknownId = `p-${randomUUID()}`;
    const named = (await operations(s.baseUrl)).filter((r) => /\{(id|procedureId)\}/.test(r));
    expect(named).toEqual(
      expect.arrayContaining(['GET /procedures/{id}', 'POST /procedures/{id}/performed']),
    );
    const differences: string[] = [];
    for (const route of named) {
      const call = callFor(route, procedureId);
      const [, template] = route.split(' ');
      const seen = [];
      for (const id of [procedureId, unknownId]) {
        const path = template.replace(/\{(id|procedureId)\}/g, id).replace(/\{decisionId\}/g, 'd-1');
        const query = call.path.includes('?') ? call.path.slice(call.path.indexOf('?')) : '';
        const res = await fetch(`${s.baseUrl}${path}${query}`, {
          method: call.method,
          headers: {
            ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...stranger.headers,
          },
          ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        });
        const text = (await res.text()).split(id).join('<id>');
        seen.push(`${res.status} ${text}`);
      }
      if (seen[0] !== seen[1]) differences.push(`${route}: another school's ${seen[0]} | unknown ${seen[1]}`);
    }
    expect(differences).toEqual([]);
  });

  it("answers for another school's real meeting or decision exactly as for an unknown id, on every route that names one", async () => {
    const stranger = (await callers(s)).find((c) => c.name === 'director of school-b')!;
    const write = async (path: string, body: unknown) => {
      const res = await fetch(`${s.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...director.headers },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    const tag = randomUUID().slice(0, 8);
    const meetingId = `m-${tag}`;
    const decisionId = `d-${tag}`;
    await write('/meetings', {
      id: meetingId,
      academicYear,
      level: 'pedagogical-council',
      date: { precision: 'day', date: today },
      timeZone: TZ,
      agenda: [{ itemId: 'item-1', title: 'Итоги ВПР', procedureId }],
    });
    await write(`/meetings/${meetingId}/held`, {});
    await write(`/meetings/${meetingId}/decisions`, DECISION_BODY(decisionId));
    const real = { meetingId, decisionId };
    const unknown = { meetingId: `m-${randomUUID()}`, decisionId: `d-${randomUUID()}` };

    const named = (await operations(s.baseUrl)).filter((r) =>
      /\{meetingId\}|^\w+ \/decisions\/\{decisionId\}/.test(r),
    );
    expect(named).toEqual(
      expect.arrayContaining([
        'GET /meetings/{meetingId}',
        'POST /meetings/{meetingId}/held',
        'GET /decisions/{decisionId}',
        'POST /decisions/{decisionId}/execution',
      ]),
    );
    const differences: string[] = [];
    for (const route of named) {
      const [method, template] = route.split(' ');
      const seen = [];
      for (const ids of [real, unknown]) {
        const path = template.replace(
          /\{(\w+)\}/g,
          (_, name: string) => (ids as Record<string, string>)[name] ?? OTHER_IDS[name] ?? 'x-1',
        );
        const body = method === 'GET' ? undefined : (VALID[route]?.(ids) ?? {});
        const form = route.endsWith('/evidence/files') ? evidenceForm() : undefined;
        const res = await fetch(`${s.baseUrl}${path}`, {
          method,
          headers: {
            ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
            ...stranger.headers,
          },
          ...(form ? { body: form } : body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = (await res.text())
          .split(ids.meetingId)
          .join('<meeting>')
          .split(ids.decisionId)
          .join('<decision>');
        seen.push(`${res.status} ${text}`);
      }
      if (seen[0] !== seen[1]) differences.push(`${route}: another school's ${seen[0]} | unknown ${seen[1]}`);
      expect(seen[0]).toMatch(/^404 /);
    }
    expect(differences).toEqual([]);
  });

  /** A request Node's own parser refuses never reaches Express: raw bytes on a socket. */
  function raw(request: string): Promise<string> {
    const { hostname, port } = new URL(s.baseUrl);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => socket.write(request));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  }

  const bodyOf = (response: string) =>
    JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as { code: string; message: string };

  it('answers a request Node cannot parse with 400 and a JSON body in Russian', async () => {
    const response = await raw('GARBAGE / HTTP/1.1 extra\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(response).toMatch(/content-type: application\/json/i);
    expect(bodyOf(response)).toEqual({
      statusCode: 400,
      code: 'BAD_HTTP_REQUEST',
      message: expect.stringMatching(/[а-я]/),
    });
  });

  it('answers headers too large with 431 and a JSON body in Russian', async () => {
    const response = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(response)).toEqual({
      statusCode: 431,
      code: 'HEADERS_TOO_LARGE',
      message: expect.stringMatching(/[а-я]/),
    });
  });

  it('no longer documents the development X-Actor-* headers as required', async () => {
    const doc = (await (await fetch(`${s.baseUrl}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; required?: boolean }> }>>;
    };
    const required = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        (op.parameters ?? [])
          .filter((p) => /^X-(Actor|School)-/i.test(p.name) && p.required)
          .map((p) => `${method.toUpperCase()} ${path} ${p.name}`),
      ),
    );
    expect(required).toEqual([]);
  });
});

const DECISION_BODY = (id: string) => ({
  id,
  number: 1,
  wording: 'Организовать консультации для учащихся группы риска',
  executors: { lead: { role: 'deputy', name: 'Заместитель директора по УВР' } },
  deadline: { asWritten: 'В течение года' },
});

/** Path ids besides the meeting and the decision: an agenda item and a piece of evidence. */
const OTHER_IDS: Record<string, string> = { itemId: 'item-1', evidenceId: 'ev-1' };

/** A body each route accepts, so that the request reaches the use case that loads the meeting or decision. */
const VALID: Record<string, (ids: { meetingId: string; decisionId: string }) => unknown> = {
  'POST /meetings/{meetingId}/agenda/items': () => ({
    item: { itemId: 'item-2', title: 'Разное' },
    reason: 'Предложение директора',
  }),
  'POST /meetings/{meetingId}/agenda/items/{itemId}/removal': () => ({ reason: 'Перенесено' }),
  'POST /meetings/{meetingId}/agenda/order': () => ({ order: ['item-1'], reason: 'Порядок' }),
  'POST /meetings/{meetingId}/held': () => ({}),
  'POST /meetings/{meetingId}/corrections': () => ({ correction: {}, reason: 'Опечатка' }),
  'POST /meetings/{meetingId}/signature': () => ({ signedOn: today }),
  'POST /meetings/{meetingId}/cancellation': () => ({ reason: 'Перенесено' }),
  'POST /meetings/{meetingId}/decisions': () => DECISION_BODY(`d-${randomUUID().slice(0, 8)}`),
  'POST /decisions/{decisionId}/reassignment': () => ({
    executors: { lead: { role: 'director', name: 'Директор' } },
    reason: 'Отпуск',
  }),
  'POST /decisions/{decisionId}/deadline': () => ({
    deadline: { asWritten: 'Декабрь 2025' },
    reason: 'Приказ',
  }),
  'POST /decisions/{decisionId}/evidence/links': () => ({
    evidenceId: 'ev-1',
    url: 'https://example.org/report',
    about: today,
  }),
  'POST /decisions/{decisionId}/execution': () => ({ executedOn: today }),
  'POST /decisions/{decisionId}/check-ins': () => ({ dueOn: today, note: 'Идёт по плану' }),
  'POST /decisions/{decisionId}/effectiveness': () => ({
    verdict: 'effective',
    indicator: 'Доля успевающих',
    assessedOn: today,
  }),
  'POST /decisions/{decisionId}/withdrawal': () => ({ reason: 'Отменено приказом' }),
};

function evidenceForm(): FormData {
  const form = new FormData();
  form.append('file', new Blob(['отчёт']), 'report.txt');
  form.append('evidenceId', 'ev-1');
  form.append('about', today);
  return form;
}
