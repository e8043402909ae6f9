import { randomUUID } from 'node:crypto';
import { putDistrict } from '../auth/accounts';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { mailCount, mailTo, tokenIn } from './mailbox';

/**
 * A district administrator sets up a school without a developer (issue 14): one request opens the school,
 * appoints its director and mails her an invitation; she signs in through the link read from the SMTP capture.
 * Appointing a director for a school that stands already is two steps: POST /people, then the invitation.
 */
describe('a district administrator opens a school with its director, who signs in through the invitation mail', () => {
  let s: Services;
  const tag = randomUUID().slice(0, 8);
  const district = `d-${tag}`;
  const school = `s-${tag}`;
  const director = `dir-${tag}`;
  const email = `${director}@school.example`;
  const PASSWORD = 'светлый класс у окна';
  let admin: Record<string, string>;
  let directorSession: Record<string, string>;

  const call = async (method: string, route: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${s.baseUrl}${route}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await json(res)) as JsonBody };
  };
  const openWithDirector = (headers: Record<string, string>, id = school, login = director) =>
    call('POST', `/districts/${district}/schools`, headers, {
      id,
      name: 'МБОУ «СОШ № 7»',
      director: { login, fullName: 'Смирнова Елена Викторовна', email: `${login}@school.example` },
    });

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = '100000';
    s = await startServices({ worker: false });
    await putDistrict(s, district, []);
    admin = await s.loginAs('district-admin', district, { id: `admin-${tag}` });
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
    delete process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE;
  });

  it('one request: the school, its director and her invitation, each an event in the administrator’s name', async () => {
    const opened = await openWithDirector({
      ...admin,
      'Idempotency-Key': `open-${tag}`,
      'X-Correlation-Id': `setup-${tag}`,
    });
    expect(opened).toMatchObject({
      status: 201,
      body: {
        districtId: district,
        school: { id: school, name: 'МБОУ «СОШ № 7»' },
        events: ['SchoolRegistered'],
        director: {
          personId: director,
          registered: true,
          events: ['PersonRegistered', 'PositionAssigned'],
          invitation: { personId: director, sentTo: `d***@school.example`, eventTypes: ['InvitationIssued'] },
        },
      },
    });
    const streams = [`district-${district}`, `person-${director}`, `credentials-${director}`];
    const recorded = (await Promise.all(streams.map((n) => s.store.readStream(n))))
      .flat()
      .filter((e) => e.type !== 'DistrictRegistered');
    expect(recorded.map((e) => e.type)).toEqual([
      'SchoolRegistered',
      'PersonRegistered',
      'PositionAssigned',
      'InvitationIssued',
    ]);
    for (const e of recorded) {
      expect(e.metadata).toMatchObject({
        actor: { id: `admin-${tag}`, kind: 'user', role: 'district-admin' },
        correlationId: `setup-${tag}`,
        causationId: `admin-${tag}:open-${tag}`,
        schoolId: school,
        districtId: district,
        occurredAt: expect.any(String),
      });
    }
    expect(new Set(recorded.map((e) => e.id)).size).toBe(4);

    const mail = await mailTo(email, /Приглашение/);
    expect(mail.text).toContain(`Ваш логин: ${director}`);
    expect(mail.text).toContain('Школа «МБОУ «СОШ № 7»» приглашает');
    const accepted = await call(
      'POST',
      '/auth/invitation/accept',
      {},
      { token: tokenIn(mail), password: PASSWORD },
    );
    expect(accepted.status).toBe(200);
    const session = { Authorization: `Bearer ${accepted.body.token as string}` };
    directorSession = session;
    const me = await call('GET', '/auth/me', session);
    expect(me.body).toMatchObject({
      id: director,
      schoolId: school,
      roles: ['director'],
      administers: { districts: [], schools: [school] },
    });
    // The director staffs her school at once: her rights come from the position the administrator gave her.
    const staff = await call('GET', `/schools/${school}/people`, session);
    expect(staff.status).toBe(200);
    expect(staff.body.people.map((p: JsonBody) => p.personId)).toEqual([director]);
  });

  it('the same request again records nothing and sends no second mail', async () => {
    const head = await s.store.headPosition();
    const mails = await mailCount(email, /Приглашение/);
    const again = await openWithDirector({ ...admin, 'Idempotency-Key': `open-${tag}` });
    // The first outcome is answered again (as every replayed command is), and the log stays where it was.
    expect(again).toMatchObject({
      status: 201,
      body: {
        events: ['SchoolRegistered'],
        director: { personId: director, invitation: { replayed: true } },
      },
    });
    expect(await s.store.headPosition()).toBe(head);
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailCount(email, /Приглашение/)).toBe(mails);
  });

  it('a director who cannot be appointed opens no school; strangers and directors cannot open one', async () => {
    await putDistrict(s, `other-${tag}`, []);
    const stranger = await s.loginAs('district-admin', `other-${tag}`, { id: `stranger-${tag}` });
    const head = await s.store.headPosition();
    const taken = await call('POST', `/districts/${district}/schools`, admin, {
      id: `s2-${tag}`,
      name: 'СОШ № 8',
      director: { login: director, fullName: 'Другая Анна Ивановна', email: `other-${tag}@school.example` },
    });
    expect(taken).toMatchObject({ status: 409, body: { code: 'PERSON_ALREADY_REGISTERED' } });
    expect(taken.body.message).toMatch(/занят/);
    const noMail = await call('POST', `/districts/${district}/schools`, admin, {
      id: `s2-${tag}`,
      name: 'СОШ № 8',
      director: { login: `x-${tag}`, fullName: 'Кто-то' },
    });
    expect(noMail).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(noMail.body.message).toMatch(/director\.email/);
    const foreign = await openWithDirector(stranger, `s3-${tag}`, `dir3-${tag}`);
    expect(foreign).toMatchObject({ status: 403, body: { code: 'DISTRICT_NOT_ADMINISTERED' } });
    const byDirector = await openWithDirector(directorSession, `s3-${tag}`, `dir3-${tag}`);
    expect(byDirector).toMatchObject({ status: 403, body: { code: 'DISTRICT_NOT_ADMINISTERED' } });
    expect(await s.store.headPosition()).toBe(head);
    const schools = await call('GET', `/districts/${district}/schools`, admin);
    expect(schools.body.schools.map((x: JsonBody) => x.schoolId)).toEqual([school]);
  });

  it('two steps for a school that stands: appoint with POST /people, then invite; only the own district', async () => {
    const school2 = `s4-${tag}`;
    const director2 = `dir4-${tag}`;
    expect(
      (await call('POST', `/districts/${district}/schools`, admin, { id: school2, name: 'СОШ № 9' })).status,
    ).toBe(201);
    const appointed = await call('POST', '/people', admin, {
      login: director2,
      fullName: 'Орлов Павел Ильич',
      email: `${director2}@school.example`,
      positions: [{ position: 'director', schoolId: school2 }],
    });
    expect(appointed.status).toBe(201);
    const stranger = await s.loginAs('district-admin', `other-${tag}`, { id: `stranger2-${tag}` });
    const foreign = await call('POST', `/auth/accounts/${director2}/invitation`, stranger, {});
    expect(foreign).toMatchObject({ status: 404, body: { code: 'PERSON_NOT_FOUND' } });
    const invited = await call(
      'POST',
      `/auth/accounts/${director2}/invitation`,
      {
        ...admin,
        'X-Correlation-Id': `invite-${tag}`,
      },
      {},
    );
    expect(invited).toMatchObject({ status: 201, body: { eventTypes: ['InvitationIssued'] } });
    const [issued] = await s.store.readStream(`credentials-${director2}`);
    expect(issued.metadata).toMatchObject({
      actor: { id: `admin-${tag}`, role: 'district-admin' },
      correlationId: `invite-${tag}`,
      schoolId: school2,
      districtId: district,
    });
    const mail = await mailTo(`${director2}@school.example`, /Приглашение/);
    expect(mail.text).toContain('Школа «СОШ № 9» приглашает');
    const accepted = await call(
      'POST',
      '/auth/invitation/accept',
      {},
      { token: tokenIn(mail), password: PASSWORD },
    );
    expect(accepted).toMatchObject({ status: 200, body: { user: { id: director2 } } });
    // Once she has a password, an invitation is refused: a forced reset is the way then.
    const twice = await call('POST', `/auth/accounts/${director2}/invitation`, admin, {});
    expect(twice).toMatchObject({ status: 409, body: { code: 'ALREADY_SIGNED_UP' } });
  });

  it('appoints an inspector of the district and lists her invitation as it goes: none, sent, accepted', async () => {
    const inspector = `insp-${tag}`;
    const email = `${inspector}@district.example`;
    const inspectors = async (headers = admin) => call('GET', `/districts/${district}/inspectors`, headers);
    expect(await inspectors()).toEqual({
      status: 200,
      body: { districtId: district, name: `Район ${district}`, inspectors: [] },
    });

    const appointed = await call('POST', '/people', admin, {
      login: inspector,
      fullName: 'Орлова Марина Сергеевна',
      email,
      positions: [{ position: 'district-inspector', districtId: district }],
    });
    expect(appointed.status).toBe(201);
    expect((await inspectors()).body.inspectors).toEqual([
      {
        personId: inspector,
        fullName: 'Орлова Марина Сергеевна',
        email,
        active: true,
        invitation: { state: 'not-invited' },
      },
    ]);

    const invited = await call('POST', `/auth/accounts/${inspector}/invitation`, admin, {});
    expect(invited.status).toBe(201);
    const [sent] = (await inspectors()).body.inspectors as JsonBody[];
    expect(sent.invitation).toEqual({
      state: 'sent',
      sentTo: expect.any(String),
      sentAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(Date.parse(sent.invitation.expiresAt)).toBeGreaterThan(Date.parse(sent.invitation.sentAt));

    const mail = await mailTo(email, /Приглашение/);
    const accepted = await call(
      'POST',
      '/auth/invitation/accept',
      {},
      { token: tokenIn(mail), password: PASSWORD },
    );
    expect(accepted.status).toBe(200);
    const [signedUp] = (await inspectors()).body.inspectors as JsonBody[];
    expect(signedUp.invitation).toEqual({ state: 'accepted', at: expect.any(String) });

    // Another district's administrator, the director and the inspector herself: not theirs to read.
    const stranger = await s.loginAs('district-admin', `other-${tag}`, { id: `stranger3-${tag}` });
    const session = { Authorization: `Bearer ${accepted.body.token as string}` };
    for (const caller of [stranger, directorSession, session]) {
      const refused = await inspectors(caller);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/[а-я]/);
    }
  });
});
