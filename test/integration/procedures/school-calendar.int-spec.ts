import { RUSSIAN_CALENDAR_2026_27 } from '@vsoko/domain';
import { randomUUID } from 'node:crypto';
import { loginAs, putDistrict } from '../auth/accounts';
import { json, startServices, type Services } from '../harness';

/** The school calendar over HTTP: the director's own, the district's pushed default, and who may do what. */
describe("a school's calendar of the academic year", () => {
  let s: Services;
  const tag = randomUUID().slice(0, 6);
  const own = `school-own-${tag}`;
  const plain = `school-plain-${tag}`;
  const other = `school-other-${tag}`;
  const district = `district-${tag}`;
  const { academicYear: _year, ...calendar } = RUSSIAN_CALENDAR_2026_27;
  beforeAll(async () => {
    s = await startServices({ projector: false });
    await putDistrict(s, district, [own, plain]);
    await putDistrict(s, `district-other-${tag}`, [other]);
  });
  afterAll(async () => {
    await s?.stop();
  });

  const call = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${s.baseUrl}${path}`, {
      method: body ? 'PUT' : 'GET',
      headers: { 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('is set by the director alone, for the own school only, and refused when senseless', async () => {
    const director = await loginAs(s, 'director', own, { id: `dir-${tag}` });
    const deputy = await loginAs(s, 'deputy', own, { id: `dep-${tag}` });
    const stranger = await loginAs(s, 'director', other, { id: `dir-other-${tag}` });

    const before = await json(await call(`/schools/${own}/calendars/2026-27`, deputy));
    expect(before).toMatchObject({ inForce: false, calendar: null, dayOffPolicy: 'next-working-day' });
    expect((before as { proposal: { terms: unknown[] } }).proposal.terms).toHaveLength(4);

    expect((await call(`/schools/${own}/calendars/2026-27`, deputy, calendar)).status).toBe(403);
    const foreign = await call(`/schools/${own}/calendars/2026-27`, stranger, calendar);
    expect(foreign.status).toBe(403);
    const badYear = await call(`/schools/${own}/calendars/2026-2027`, director, calendar);
    expect(await json(badYear)).toMatchObject({ code: 'ACADEMIC_YEAR_INVALID' });
    const senseless = await call(`/schools/${own}/calendars/2026-27`, director, {
      ...calendar,
      terms: calendar.terms.slice(0, 3),
    });
    expect(senseless.status).toBe(422);
    expect(await json(senseless)).toMatchObject({ code: 'CALENDAR_INVALID' });
    expect(await s.store.readStream(`school-${own}`)).toEqual([]);

    const set = await call(`/schools/${own}/calendars/2026-27`, director, calendar);
    expect(set.status).toBe(200);
    expect(await json(set)).toMatchObject({ recorded: true, academicYear: '2026/27' });
    const after = await json(await call(`/schools/${own}/calendars/2026-27`, deputy));
    expect(after).toMatchObject({ inForce: true, source: { kind: 'school' }, proposal: null });
  });

  it('is pushed from the district to schools without their own, by the district inspector only', async () => {
    const inspector = await loginAs(s, 'inspector', district, { id: `insp-${tag}` });
    const foreignInspector = await loginAs(s, 'inspector', `district-other-${tag}`, { id: `insp-o-${tag}` });
    const director = await loginAs(s, 'director', plain, { id: `dir-plain-${tag}` });

    const refused = await call(`/districts/${district}/calendars/2026-27`, foreignInspector, {
      shippedDefault: true,
    });
    expect(refused.status).toBe(403);
    expect(
      (await call(`/districts/${district}/calendars/2026-27`, director, { shippedDefault: true })).status,
    ).toBe(403);
    const empty = await call(`/districts/${district}/calendars/2026-27`, inspector, {});
    expect(await json(empty)).toMatchObject({ code: 'CALENDAR_REQUIRED' });

    const pushed = await call(`/districts/${district}/calendars/2026-27`, inspector, {
      shippedDefault: true,
    });
    expect(pushed.status).toBe(200);
    expect(await json(pushed)).toEqual({
      districtId: district,
      academicYear: '2026/27',
      version: 1,
      applied: [plain],
      kept: [own],
    });
    const plainCalendar = await json(await call(`/schools/${plain}/calendars/2026-27`, director));
    expect(plainCalendar).toMatchObject({
      inForce: true,
      source: { kind: 'district', districtId: district, version: 1 },
    });

    // The same default again is no new version, and nothing new reaches the schools.
    const again = await json(
      await call(`/districts/${district}/calendars/2026-27`, inspector, { shippedDefault: true }),
    );
    expect(again).toMatchObject({ version: 1, applied: [] });
    expect((await s.store.readStream(`school-${plain}`)).map((e) => e.type)).toEqual(['SchoolCalendarSet']);
  });
});
