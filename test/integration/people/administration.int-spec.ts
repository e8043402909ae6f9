import { randomUUID } from 'node:crypto';
import { CredentialStore, hashSecret } from '@vsoko/accounts';
import { academicYearOf, localDateOf } from '@vsoko/domain';
import { putDistrict } from '../auth/accounts';
import { json, startServices, type JsonBody, type Services } from '../harness';

const PASSWORD = 'школа-2026-пароль';

/**
 * A district sets itself up without a developer (issue 14): its administrator opens a school and appoints the
 * director, the director adds staff in the positions schools use, a class teacher does her own work, and people
 * who leave are switched off — each step an event of the organisation, read back through the directory.
 */
describe('administration: districts, schools, people and positions on the real stack', () => {
  let s: Services;
  const tag = randomUUID().slice(0, 8);
  const district = `d-${tag}`;
  const school = `s1-${tag}`;
  const school2 = `s2-${tag}`;
  const ids = {
    director: `dir-${tag}`,
    director2: `dir2-${tag}`,
    classTeacher: `ct-${tag}`,
    librarian: `lib-${tag}`,
  };
  let admin: Record<string, string>;
  const sessions: Record<string, Record<string, string>> = {};

  const call = async (method: string, route: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${s.baseUrl}${route}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await json(res)) as JsonBody };
  };
  /** People choose passwords through invitations (credentials.int-spec.ts); here the test sets one as the seed does. */
  const signIn = async (personId: string) => {
    const store = new CredentialStore(s.db);
    if ((await store.passwordHashOf(personId)) === undefined) {
      await store.setPasswordHash(personId, await hashSecret(PASSWORD), -1, new Date());
    }
    const res = await call('POST', '/auth/login', {}, { login: personId, password: PASSWORD });
    expect(res.status).toBe(200);
    return { Authorization: `Bearer ${res.body.token as string}` };
  };

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    s = await startServices();
    // The installation registers the district and its administrator (`vsoko seed` / the CLI does the same).
    await putDistrict(s, district, []);
    admin = await s.loginAs('district-admin', district, { id: `admin-${tag}` });
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
  });

  it('the district administrator opens a school once; not in another district', async () => {
    const opened = await call('POST', `/districts/${district}/schools`, admin, {
      id: school,
      name: 'СОШ № 1',
    });
    expect(opened).toMatchObject({
      status: 201,
      body: { school: { id: school }, events: ['SchoolRegistered'] },
    });
    const again = await call('POST', `/districts/${district}/schools`, admin, {
      id: school,
      name: 'СОШ № 1',
    });
    expect(again).toMatchObject({ status: 201, body: { events: [] } });
    const renamed = await call('POST', `/districts/${district}/schools`, admin, {
      id: school,
      name: 'Другая',
    });
    expect(renamed).toMatchObject({ status: 409, body: { code: 'SCHOOL_ALREADY_REGISTERED' } });
    const elsewhere = await call('POST', `/districts/other-${tag}/schools`, admin, {
      id: `x-${tag}`,
      name: 'Х',
    });
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'DISTRICT_NOT_ADMINISTERED' } });
    expect(elsewhere.body.message).toMatch(/администратор/);
    await call('POST', `/districts/${district}/schools`, admin, { id: school2, name: 'СОШ № 2' });
    const list = await call('GET', `/districts/${district}/schools`, admin);
    expect(list.body.schools.map((x: JsonBody) => x.schoolId).sort()).toEqual([school, school2].sort());
  });

  it('appoints the director, who signs in holding the position the events gave her', async () => {
    const created = await call(
      'POST',
      '/people',
      { ...admin, 'Idempotency-Key': `dir-${tag}` },
      {
        login: ids.director,
        fullName: 'Смирнова Елена Викторовна',
        email: `${ids.director}@school.example`,
        positions: [{ position: 'director', schoolId: school }],
      },
    );
    expect(created).toMatchObject({
      status: 201,
      body: { registered: true, events: ['PersonRegistered', 'PositionAssigned'] },
    });
    sessions.director = await signIn(ids.director);
    const me = await call('GET', '/auth/me', sessions.director);
    expect(me.body).toMatchObject({
      id: ids.director,
      schoolId: school,
      roles: ['director'],
      positions: [{ position: 'director', schoolId: school }],
      administers: { districts: [], schools: [school] },
    });
    const [registered, assigned] = await s.store.readStream(`person-${ids.director}`);
    expect(registered.metadata).toMatchObject({
      actor: { id: `admin-${tag}`, kind: 'user', role: 'district-admin' },
      schoolId: school,
      districtId: district,
    });
    expect(assigned.metadata.causationId).toBe(registered.metadata.causationId);
    expect(registered.metadata.correlationId).toEqual(expect.any(String));

    const second = await call('POST', '/people', admin, {
      login: ids.director2,
      fullName: 'Орлов Павел Ильич',
      positions: [{ position: 'director', schoolId: school2 }],
    });
    expect(second.status).toBe(201);
    sessions.director2 = await signIn(ids.director2);
  });

  it('a retried request with the same Idempotency-Key records nothing twice; another body under it is refused', async () => {
    const body = {
      login: ids.director,
      fullName: 'Смирнова Елена Викторовна',
      email: `${ids.director}@school.example`,
      positions: [{ position: 'director', schoolId: school }],
    };
    const before = await s.store.headPosition();
    const retried = await call('POST', '/people', { ...admin, 'Idempotency-Key': `dir-${tag}` }, body);
    expect(retried.status).toBe(201);
    expect(await s.store.headPosition()).toBe(before);
    const other = await call(
      'POST',
      '/people',
      { ...admin, 'Idempotency-Key': `dir-${tag}` },
      { ...body, fullName: 'Иная' },
    );
    expect(other).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('the director staffs her school in positions schools name, and nothing beyond her school', async () => {
    const classTeacher = await call('POST', '/people', sessions.director, {
      login: ids.classTeacher,
      fullName: 'Петрова Мария Сергеевна',
      positions: [
        { position: 'class-teacher', schoolId: school, className: '5А' },
        { position: 'teacher', schoolId: school, subjects: ['русский язык', 'литература'] },
      ],
    });
    expect(classTeacher).toMatchObject({
      status: 201,
      body: { events: ['PersonRegistered', 'PositionAssigned', 'PositionAssigned'] },
    });
    const librarian = await call('POST', '/people', sessions.director, {
      login: ids.librarian,
      fullName: 'Орлова Галина Петровна',
      positions: [{ position: 'librarian', schoolId: school }],
    });
    expect(librarian.status).toBe(201);

    const refusals = [
      [{ position: 'director', schoolId: school }, 403, 'ACTOR_NOT_ALLOWED'],
      [{ position: 'teacher', schoolId: school2 }, 403, 'SCHOOL_NOT_ADMINISTERED'],
      [{ position: 'class-teacher', schoolId: school }, 400, 'POSITION_DETAIL_REQUIRED'],
      [{ position: 'district-inspector', districtId: district }, 403, 'DISTRICT_NOT_ADMINISTERED'],
      [{ position: 'janitor', schoolId: school }, 400, 'VALIDATION_FAILED'],
    ] as const;
    const head = await s.store.headPosition();
    for (const [position, status, code] of refusals) {
      const res = await call('POST', '/people', sessions.director, {
        login: `x-${tag}`,
        fullName: 'Кто-то',
        positions: [position],
      });
      expect({ position, status: res.status, code: res.body.code }).toEqual({ position, status, code });
      expect(res.body.message).toMatch(/[а-я]/);
    }
    expect(await s.store.headPosition()).toBe(head);

    const staff = await call('GET', `/schools/${school}/people`, sessions.director);
    expect(staff.status).toBe(200);
    const byId = Object.fromEntries(staff.body.people.map((p: JsonBody) => [p.personId, p]));
    expect(byId[ids.classTeacher].positions.map((p: JsonBody) => p.title)).toEqual([
      'классный руководитель 5А',
      'учитель (русский язык, литература)',
    ]);
    expect(Object.keys(byId).sort()).toEqual([ids.classTeacher, ids.director, ids.librarian].sort());
    const foreign = await call('GET', `/schools/${school}/people`, sessions.director2);
    expect(foreign.status).toBe(403);
  });

  it('a class teacher marks her own procedure performed; the librarian gets a 403 in Russian', async () => {
    sessions.classTeacher = await signIn(ids.classTeacher);
    sessions.librarian = await signIn(ids.librarian);
    const today = localDateOf(Date.now(), 'Europe/Moscow');
    const id = `p-${tag}`;
    const scheduled = await call('POST', '/procedures', sessions.director, {
      id,
      schoolId: school,
      academicYear: academicYearOf(today),
      title: 'Изучение адаптации пятиклассников',
      direction: 'process',
      responsible: { role: 'class-teacher', name: 'Классные руководители' },
      window: { from: today, to: today },
      timeZone: 'Europe/Moscow',
    });
    expect(scheduled.status).toBe(201);
    const performed = {
      performedOn: today,
      performedBy: { name: 'Петрова М. С.' },
      collected: ['Анкеты 5А'],
    };
    const refused = await call('POST', `/procedures/${id}/performed`, sessions.librarian, performed);
    expect(refused).toMatchObject({ status: 403, body: { code: 'ACTOR_NOT_ALLOWED' } });
    expect(refused.body.message).toContain('может ответственный (Классные руководители)');
    const done = await call('POST', `/procedures/${id}/performed`, sessions.classTeacher, performed);
    expect(done.status).toBeLessThan(300);
    const events = await s.store.readStream(`procedure-${id}`);
    expect(events.at(-1)).toMatchObject({
      type: 'ProcedurePerformed',
      metadata: {
        actor: { id: ids.classTeacher, role: 'teacher', answersFor: ['class-teacher', 'teacher'] },
      },
    });
  });

  it('a director of another school neither sees nor switches off this school’s staff', async () => {
    for (const [method, route, body] of [
      ['GET', `/people/${ids.classTeacher}`, undefined],
      ['POST', `/people/${ids.classTeacher}/deactivate`, { reason: 'Чужой' }],
      ['POST', `/people/${ids.classTeacher}/positions/remove`, { assignmentId: `${school}:teacher` }],
    ] as const) {
      const res = await call(method, route, sessions.director2, body);
      expect({ route, status: res.status, code: res.body.code }).toEqual({
        route,
        status: 404,
        code: 'PERSON_NOT_FOUND',
      });
    }
  });

  it('removes a position with a reason; the assignment stays in the history', async () => {
    const removed = await call('POST', `/people/${ids.classTeacher}/positions/remove`, sessions.director, {
      assignmentId: `${school}:teacher`,
      reason: 'Приказ № 12',
    });
    expect(removed).toMatchObject({ status: 200, body: { events: ['PositionRemoved'] } });
    const person = await call('GET', `/people/${ids.classTeacher}`, sessions.director);
    expect(person.body.positions.map((p: JsonBody) => p.position)).toEqual(['class-teacher']);
    const types = (await s.store.readStream(`person-${ids.classTeacher}`)).map((e) => e.type);
    expect(types).toEqual(['PersonRegistered', 'PositionAssigned', 'PositionAssigned', 'PositionRemoved']);
  });

  it('switches an account off: sessions end, sign-in is refused, history and positions stay; a repeat records nothing', async () => {
    const off = await call('POST', `/people/${ids.librarian}/deactivate`, sessions.director, {
      reason: 'Уволена, приказ № 15',
    });
    expect(off).toMatchObject({ status: 200, body: { active: false, events: ['AccountDeactivated'] } });
    expect((await call('GET', '/auth/me', sessions.librarian)).status).toBe(401);
    const again = await call('POST', '/auth/login', {}, { login: ids.librarian, password: PASSWORD });
    expect(again).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
    const person = await call('GET', `/people/${ids.librarian}`, sessions.director);
    expect(person.body).toMatchObject({ active: false, deactivationReason: 'Уволена, приказ № 15' });
    expect(person.body.positions).toHaveLength(1);
    const repeat = await call('POST', `/people/${ids.librarian}/deactivate`, sessions.director, {
      reason: 'Уволена, приказ № 15',
    });
    expect(repeat.body.events).toEqual([]);
    const self = await call('POST', `/people/${ids.director}/deactivate`, sessions.director, {
      reason: 'Ухожу',
    });
    expect(self).toMatchObject({ status: 422, body: { code: 'SELF_DEACTIVATION' } });
  });

  it('the district administrator switches a director off, and the API key she issued stops working', async () => {
    const issued = await call('POST', '/auth/api-keys', sessions.director, {
      name: 'Календарь',
      permissions: ['procedures:read'],
    });
    expect(issued.status).toBe(201);
    const key = { 'X-Api-Key': issued.body.key as string };
    expect((await call('GET', '/procedures', key)).status).toBe(200);
    const off = await call('POST', `/people/${ids.director}/deactivate`, admin, {
      reason: 'Переведена в другой район',
    });
    expect(off.status).toBe(200);
    expect(await call('GET', '/procedures', key)).toMatchObject({
      status: 401,
      body: { code: 'API_KEY_INVALID' },
    });
    expect((await call('GET', '/auth/me', sessions.director)).status).toBe(401);
    const on = await call('POST', `/people/${ids.director}/reactivate`, admin);
    expect(on).toMatchObject({ status: 200, body: { active: true, events: ['AccountReactivated'] } });
    sessions.director = await signIn(ids.director);
    expect((await call('GET', '/auth/me', sessions.director)).body).toMatchObject({ roles: ['director'] });
  });

  it('every change is on the audit trail with who did it', async () => {
    const page = await call(
      'GET',
      `/audit?personId=${ids.librarian}&schoolId=${school}&pageSize=50`,
      sessions.director,
    );
    expect(page.status).toBe(200);
    const mine = page.body.items.filter((e: JsonBody) => e.streamName === `person-${ids.librarian}`);
    expect(mine.map((e: JsonBody) => [e.type, e.actor.id])).toEqual([
      ['PersonRegistered', ids.director],
      ['PositionAssigned', ids.director],
      ['AccountDeactivated', ids.director],
    ]);
    expect(mine[2].summary).toBe(`Учётная запись ${ids.librarian} отключена: Уволена, приказ № 15`);
  });
});
