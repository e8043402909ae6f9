import { academicYearOf, localDateOf } from '@vsoko/domain';
import { randomUUID } from 'node:crypto';
import { json, startServices, type JsonBody, type Services } from '../harness';

/** Lists, totals and pages of the read models only ever count the caller's own schools. */
describe('read-model lists stay inside the caller’s schools', () => {
  let s: Services;
  const tag = randomUUID().slice(0, 6);
  const [schoolA, schoolB] = [`a-${tag}`, `b-${tag}`];
  const headers: Record<string, Record<string, string>> = {};
  const ids: Record<string, string[]> = { [schoolA]: [], [schoolB]: [] };
  let position = 0;

  beforeAll(async () => {
    s = await startServices();
    headers[schoolA] = await s.loginAs('director', schoolA, { id: `dir-${schoolA}` });
    headers[schoolB] = await s.loginAs('director', schoolB, { id: `dir-${schoolB}` });
    const today = localDateOf(Date.now(), 'Europe/Moscow');
    for (const [school, count] of [
      [schoolA, 2],
      [schoolB, 1],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const id = `t-${school}-${i}`;
        const res = await fetch(`${s.baseUrl}/procedures`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers[school] },
          body: JSON.stringify({
            id,
            schoolId: school,
            academicYear: academicYearOf(today),
            title: `Процедура ${i}`,
            direction: 'process',
            responsible: { role: 'deputy', name: 'Заместитель директора' },
            window: { from: today, to: today },
          }),
        });
        expect(res.status).toBe(201);
        position = Math.max(position, (await json(res)).position as number);
        ids[school].push(id);
      }
    }
  });
  afterAll(async () => {
    await s?.stop();
  });

  const get = async (path: string, school: string): Promise<JsonBody> => {
    const res = await fetch(
      `${s.baseUrl}${path}${path.includes('?') ? '&' : '?'}waitForPosition=${position}`,
      {
        headers: headers[school],
      },
    );
    expect(res.status).toBe(200);
    return json(res);
  };

  it.each([
    ['/procedures', 2, 1],
    ['/deadlines', 2, 1],
  ])('%s counts only the own school (A sees %i, B sees %i)', async (path, a, b) => {
    const forA = await get(path, schoolA);
    expect(forA.total).toBe(a);
    expect(forA.items.every((d: JsonBody) => d.schoolId === schoolA)).toBe(true);
    const forB = await get(path, schoolB);
    expect(forB.total).toBe(b);
    expect(forB.items.every((d: JsonBody) => d.schoolId === schoolB)).toBe(true);
  });

  it("finds nothing of another school's history, and is refused when naming that school", async () => {
    const foreign = await get(`/audit?procedureId=${ids[schoolB][0]}`, schoolA);
    expect(foreign.total).toBe(0);
    const own = await get(`/audit?procedureId=${ids[schoolA][0]}`, schoolA);
    expect(own.total).toBe(1);
    const named = await fetch(`${s.baseUrl}/procedures?schoolId=${schoolB}`, { headers: headers[schoolA] });
    expect(named.status).toBe(403);
  });
});
