import { randomUUID } from 'node:crypto';
import { json, startServices, type JsonBody, type Services } from '../harness';

const YEAR = '2026/27';

/**
 * `GET /meetings` (issue 17, the web's meetings screen): a school's meetings of a year, filtered by status,
 * paged by keyset cursor, never another school's — and a school named in the query is checked in the use case.
 */
describe('GET /meetings lists a school’s meetings and only those', () => {
  let s: Services;
  const tag = randomUUID().slice(0, 6);
  const [schoolA, schoolB] = [`ma-${tag}`, `mb-${tag}`];
  const headers: Record<string, Record<string, string>> = {};
  let position = 0;

  const plan = async (school: string, id: string, month: string) => {
    const res = await fetch(`${s.baseUrl}/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers[school] },
      body: JSON.stringify({
        id,
        academicYear: YEAR,
        level: 'pedagogical-council',
        date: { precision: 'month', month },
        timeZone: 'Europe/Moscow',
        agenda: [{ itemId: 'item-1', title: 'Об итогах четверти' }],
      }),
    });
    const body = await json(res);
    if (res.status !== 201) throw new Error(`${id}: ${res.status} ${JSON.stringify(body)}`);
    position = Math.max(position, body.position as number);
  };
  const get = async (school: string, query: string): Promise<{ status: number; body: JsonBody }> => {
    const res = await fetch(`${s.baseUrl}/meetings?waitForPosition=${position}&${query}`, {
      headers: headers[school],
    });
    return { status: res.status, body: await json(res) };
  };
  const ids = (body: JsonBody) => (body.items as Array<{ meetingId: string }>).map((m) => m.meetingId);

  beforeAll(async () => {
    s = await startServices();
    headers[schoolA] = await s.loginAs('director', schoolA, { id: `dir-${schoolA}` });
    headers[schoolB] = await s.loginAs('director', schoolB, { id: `dir-${schoolB}` });
    for (const [n, month] of ['2026-09', '2026-11', '2027-01'].entries())
      await plan(schoolA, `a${n}-${tag}`, month);
    await plan(schoolB, `b0-${tag}`, '2026-09');
    const cancel = await fetch(`${s.baseUrl}/meetings/a1-${tag}/cancellation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers[schoolA] },
      body: JSON.stringify({ reason: 'Перенесено на декабрь' }),
    });
    expect(cancel.status).toBe(200);
    position = Math.max(position, (await json(cancel)).position as number);
  }, 180_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('answers the school’s meetings in the order they were registered, with the total', async () => {
    const { status, body } = await get(schoolA, `schoolId=${schoolA}&academicYear=2026/27`);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([`a0-${tag}`, `a1-${tag}`, `a2-${tag}`]);
    expect(body.total).toBe(3);
    const first = (body.items as JsonBody[])[0];
    expect(first).toMatchObject({ status: 'planned', level: 'pedagogical-council', schoolId: schoolA });
    expect(first.agenda).toEqual([{ itemId: 'item-1', title: 'Об итогах четверти' }]);
  });

  it('filters by status and pages by cursor without overlap', async () => {
    const planned = await get(schoolA, `schoolId=${schoolA}&status=planned&sort=-registeredAt`);
    expect(ids(planned.body)).toEqual([`a2-${tag}`, `a0-${tag}`]);
    const page1 = await get(schoolA, `schoolId=${schoolA}&pageSize=2&cursor=`);
    expect(ids(page1.body)).toEqual([`a0-${tag}`, `a1-${tag}`]);
    expect(page1.body.total).toBeUndefined();
    const page2 = await get(schoolA, `schoolId=${schoolA}&pageSize=2&cursor=${page1.body.nextCursor}`);
    expect(ids(page2.body)).toEqual([`a2-${tag}`]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('never shows another school’s meetings: without a school, and naming one the caller cannot read', async () => {
    const own = await get(schoolB, '');
    expect(ids(own.body)).toEqual([`b0-${tag}`]);
    const foreign = await get(schoolB, `schoolId=${schoolA}`);
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(foreign.body)).not.toContain(`a0-${tag}`);
    const badStatus = await get(schoolA, 'status=held-ish');
    expect(badStatus.status).toBe(400);
    expect(JSON.stringify(badStatus.body)).toContain('status: одно из');
  });
});
