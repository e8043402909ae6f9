import { randomUUID } from 'node:crypto';
import { putDistrict } from '../auth/accounts';
import { json, startServices, type Services } from '../harness';
import { liveProcedure, YEAR } from './support/school-years';

interface Group {
  key: string;
  counts: { total: number; open: number; overdue: number; executedOnTime: number; executedLate: number };
}

describe("a district's read side: KPIs from the district's roll-up, lists by cursor", () => {
  let s: Services;
  const tag = randomUUID().slice(0, 6);
  const district = `district-${tag}`;
  const schools = [`school-a-${tag}`, `school-b-${tag}`];
  let inspector: Record<string, string>;
  let director: Record<string, string>;
  let head: number;

  beforeAll(async () => {
    s = await startServices();
    await putDistrict(s, district, schools);
    for (const school of schools)
      for (let i = 0; i < 7; i++) await liveProcedure(s.store, school, i, district);
    head = await s.store.headPosition();
    inspector = await s.loginAs('inspector', district, { id: `insp-${tag}` });
    director = await s.loginAs('director', schools[0], { id: `dir-${tag}` });
    // The stack's start and 14 procedure lives: minutes on a machine shared by many test runs.
  }, 300_000);
  afterAll(async () => {
    await s?.stop();
  });

  const get = async (path: string, headers = inspector) => {
    const res = await fetch(`${s.baseUrl}${path}`, { headers });
    return { status: res.status, body: await json(res) };
  };
  const year = encodeURIComponent(YEAR);

  it("answers the inspector's district KPIs as the sum of its schools' own", async () => {
    await get(`/procedures?districtId=${district}&waitForPosition=${head}&timeoutMs=30000`);
    const perSchool: Group[] = [];
    for (const school of schools) {
      const res = await get(`/kpis?groupBy=school&academicYear=${year}&schoolId=${school}`);
      expect(res.status).toBe(200);
      perSchool.push(...res.body.groups);
    }
    expect(perSchool.map((g) => g.key)).toEqual(schools);
    expect(perSchool.every((g) => g.counts.total > 0)).toBe(true);
    const bySchool = await get(`/kpis?groupBy=school&academicYear=${year}&districtId=${district}`);
    expect(bySchool.body.groups).toEqual(perSchool);
    const whole = await get(`/kpis?groupBy=district&academicYear=${year}&districtId=${district}`);
    expect(whole.body.groups).toHaveLength(1);
    expect(whole.body.groups[0].key).toBe(district);
    expect(whole.body.groups[0].counts.total).toBe(perSchool.reduce((n, g) => n + g.counts.total, 0));
    const byMonth = await get(`/kpis?groupBy=month&academicYear=${year}&districtId=${district}`);
    expect(byMonth.body.groups.length).toBeGreaterThan(0);
    expect(byMonth.body.groups.every((g: Group) => /^\d{4}-\d{2}$/.test(g.key))).toBe(true);
    expect(byMonth.body.groups.reduce((n: number, g: Group) => n + g.counts.total, 0)).toBe(
      whole.body.groups[0].counts.total,
    );
  });

  it("gives a director who names the district only their own school's figures", async () => {
    const own = await get(`/kpis?groupBy=school&academicYear=${year}&schoolId=${schools[0]}`, director);
    const asked = await get(`/kpis?groupBy=school&academicYear=${year}&districtId=${district}`, director);
    expect(asked.status).toBe(200);
    expect(asked.body.groups).toEqual(own.body.groups);
  });

  it('pages a list by cursor, without a total, through the same items as the numbered pages', async () => {
    const all = await get(`/procedures?districtId=${district}&pageSize=200&sort=window.from`);
    expect(all.body.total).toBe(14);
    expect(all.body.nextCursor).toBeNull();
    const ids: string[] = [];
    let cursor = '';
    for (let round = 0; round < 10; round++) {
      const page = await get(
        `/procedures?districtId=${district}&pageSize=4&sort=window.from&cursor=${cursor}`,
      );
      expect(page.status).toBe(200);
      expect(page.body).not.toHaveProperty('total');
      ids.push(...page.body.items.map((p: { _id: string }) => p._id));
      if (page.body.nextCursor === null) break;
      cursor = page.body.nextCursor;
    }
    expect(ids).toEqual(all.body.items.map((p: { _id: string }) => p._id));
    const numbered = await get(`/procedures?districtId=${district}&pageSize=4&sort=window.from&page=1`);
    const after = await get(
      `/procedures?districtId=${district}&pageSize=4&sort=window.from&cursor=${numbered.body.nextCursor}`,
    );
    expect(after.body.items.map((p: { _id: string }) => p._id)).toEqual(ids.slice(4, 8));
  });

  it('refuses a cursor that is not one, with 400 and a stable code', async () => {
    const forged = Buffer.from(JSON.stringify({ a: 1 })).toString('base64url');
    for (const cursor of [forged, 'bm90LWpzb24', 'a+b']) {
      const res = await get(`/procedures?districtId=${district}&cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toMatch(/CURSOR_INVALID|VALIDATION/);
    }
  });
});
