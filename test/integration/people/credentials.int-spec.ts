import { randomUUID } from 'node:crypto';
import { json, startServices, type Services } from '../harness';
import { login, loginAs, putAccount, putDistrict, TEST_PASSWORD } from '../auth/accounts';
import { mailCount, mailTo, tokenIn } from './mailbox';

/**
 * Invitations, password changes and resets on the real API, the real event log and the dev stack's SMTP capture:
 * links come from the captured mail, as a person would follow them.
 */
describe('passwords: invitation, change, reset, forced reset', () => {
  let s: Services;
  let director: Record<string, string>;
  const run = randomUUID().slice(0, 8);
  const email = `ivanova.${run}@school-a.test`;
  const person = `ivanova.${run}`;
  const GOOD = 'тихий вечер у реки';

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const signIn = (password: string) => post('/auth/login', { login: person, password });
  const me = (headers: Record<string, string>) => fetch(`${s.baseUrl}/auth/me`, { headers });
  const bearer = (body: { token: string }) => ({ Authorization: `Bearer ${body.token}` });
  const stream = async () =>
    (await s.store.readStream(`credentials-${person}`)).map((e) => ({ type: e.type, metadata: e.metadata }));

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = '100000';
    s = await startServices();
    await putDistrict(s, 'district-1', ['school-a', 'school-b']);
    director = await loginAs(s, 'director', 'school-a', { id: `director-a-${run}` });
    // A new member of staff: known to the directory, without a password of their own yet.
    await putAccount(s, {
      login: person,
      name: 'Иванова Мария Петровна',
      email,
      password: null,
      role: 'teacher',
      scope: 'school-a',
    });
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
    delete process.env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE;
  });

  it('the director invites; the person follows the mailed link once, choosing a password the rules accept', async () => {
    const invited = await post(
      `/auth/accounts/${person}/invitation`,
      {},
      { ...director, 'X-Correlation-Id': `inv-${run}` },
    );
    expect(invited.status).toBe(201);
    expect(await json(invited)).toMatchObject({
      personId: person,
      sentTo: `i***@school-a.test`,
      eventTypes: ['InvitationIssued'],
    });
    const mail = await mailTo(email, /Приглашение/);
    expect(mail.text).toContain(`Ваш логин: ${person}`);
    expect(mail.text).toContain('Школа «Школа school-a» приглашает');
    const token = tokenIn(mail);

    const weak = await post('/auth/invitation/accept', { token, password: 'qwerty123' });
    expect(weak.status).toBe(422);
    expect(await json(weak)).toMatchObject({ code: 'PASSWORD_COMMON' });
    const short = await post('/auth/invitation/accept', { token, password: 'лес' });
    expect(await json(short)).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });

    const accepted = await post('/auth/invitation/accept', { token, password: GOOD });
    expect(accepted.status).toBe(200);
    const session = await json(accepted);
    expect(session).toMatchObject({ tokenType: 'Bearer', user: { id: person } });
    expect((await me(bearer(session as { token: string }))).status).toBe(200);
    expect((await signIn(GOOD)).status).toBe(200);

    const again = await post('/auth/invitation/accept', { token, password: 'другой вечер у реки' });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: 'LINK_USED' });
    const forged = await post('/auth/invitation/accept', { token: `vsi_${'A'.repeat(43)}`, password: GOOD });
    expect(forged.status).toBe(404);
    expect(await json(forged)).toMatchObject({
      code: 'LINK_INVALID',
      message: expect.stringMatching(/Ссылка/),
    });

    const events = await stream();
    expect(events.map((e) => e.type)).toEqual(['InvitationIssued', 'InvitationAccepted']);
    expect(events[0].metadata).toMatchObject({
      actor: { id: `director-a-${run}`, role: 'director' },
      correlationId: `inv-${run}`,
      schoolId: 'school-a',
    });
    expect(events[1].metadata).toMatchObject({ actor: { id: person, kind: 'user' } });
    const stored = JSON.stringify([
      await s.store.readStream(`credentials-${person}`),
      await s.db.collection('credential_links').find().toArray(),
    ]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(GOOD);

    const twice = await post(`/auth/accounts/${person}/invitation`, {}, director);
    expect(twice.status).toBe(409);
    expect(await json(twice)).toMatchObject({ code: 'ALREADY_SIGNED_UP' });
  });

  it('a director of another school cannot invite or reset this person: to them the person does not exist', async () => {
    const other = await loginAs(s, 'director', 'school-b', { id: `director-b-${run}` });
    const before = (await stream()).length;
    const invite = await post(`/auth/accounts/${person}/invitation`, {}, other);
    expect(invite.status).toBe(404);
    expect(await json(invite)).toMatchObject({ code: 'PERSON_NOT_FOUND' });
    const reset = await post(`/auth/accounts/${person}/password-reset`, { reason: 'проверка' }, other);
    expect(reset.status).toBe(404);
    const teacher = await loginAs(s, 'teacher', 'school-a', { id: `teacher-a-${run}` });
    expect((await post(`/auth/accounts/${person}/password-reset`, { reason: 'x' }, teacher)).status).toBe(
      403,
    );
    expect((await stream()).length).toBe(before);
  });

  it('the person changes the password knowing the current one; other sessions end, this one goes on', async () => {
    const first = bearer((await json(await signIn(GOOD))) as { token: string });
    const second = bearer((await json(await signIn(GOOD))) as { token: string });
    const wrong = await post(
      '/auth/password',
      { currentPassword: 'не тот пароль', newPassword: 'ясное утро в горах' },
      first,
    );
    expect(wrong.status).toBe(401);
    const same = await post('/auth/password', { currentPassword: GOOD, newPassword: GOOD }, first);
    expect(await json(same)).toMatchObject({ code: 'PASSWORD_UNCHANGED' });
    const mine = await post('/auth/password', { currentPassword: GOOD, newPassword: `${person}!!` }, first);
    expect(await json(mine)).toMatchObject({ code: 'PASSWORD_CONTEXT' });
    const changed = await post(
      '/auth/password',
      { currentPassword: GOOD, newPassword: 'ясное утро в горах' },
      first,
    );
    expect(changed.status).toBe(200);
    expect((await me(first)).status).toBe(200);
    expect((await me(second)).status).toBe(401);
    expect((await signIn(GOOD)).status).toBe(401);
    expect((await signIn('ясное утро в горах')).status).toBe(200);
  });

  it('a forgotten password: the same answer for any login, a link by mail, every session ended on reset', async () => {
    const session = bearer((await json(await signIn('ясное утро в горах'))) as { token: string });
    const seen = await mailCount(email, /сброс пароля/);
    const unknown = await post('/auth/password-reset', { login: `nobody-${run}` });
    const known = await post('/auth/password-reset', { login: person });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(await unknown.text()).toBe(await known.text());
    const token = tokenIn(await mailTo(email, /сброс пароля/, seen));
    expect(token.startsWith('vsr_')).toBe(true);
    expect((await post('/auth/invitation/accept', { token, password: 'новая тропа у моря' })).status).toBe(
      404,
    );
    const done = await post('/auth/password-reset/complete', { token, password: 'новая тропа у моря' });
    expect(done.status).toBe(200);
    expect((await me(session)).status).toBe(401);
    expect((await signIn('новая тропа у моря')).status).toBe(200);
    expect(
      await json(await post('/auth/password-reset/complete', { token, password: 'ещё одна тропа' })),
    ).toMatchObject({ code: 'LINK_USED' });
  });

  it('the director imposes a reset: the old password stops at once, sessions end, the person gets a link', async () => {
    const session = bearer((await json(await signIn('новая тропа у моря'))) as { token: string });
    const seen = await mailCount(email, /сбросила/);
    const forced = await post(
      `/auth/accounts/${person}/password-reset`,
      { reason: 'Пароль стал известен коллеге' },
      director,
    );
    expect(forced.status).toBe(200);
    expect(await json(forced)).toMatchObject({
      eventTypes: ['PasswordResetForced'],
      sessionsEnded: expect.any(Number),
    });
    expect((await me(session)).status).toBe(401);
    expect((await signIn('новая тропа у моря')).status).toBe(401);
    const mail = await mailTo(email, /сбросила/, seen);
    expect(mail.text).toContain('Пароль стал известен коллеге');
    const done = await post('/auth/password-reset/complete', {
      token: tokenIn(mail),
      password: 'осенний парк и листья',
    });
    expect(done.status).toBe(200);
    expect((await signIn('осенний парк и листья')).status).toBe(200);
    expect((await stream()).map((e) => e.type)).toEqual([
      'InvitationIssued',
      'InvitationAccepted',
      'PasswordChanged',
      'PasswordResetRequested',
      'PasswordReset',
      'PasswordResetForced',
      'PasswordReset',
    ]);
  });

  it('the audit trail shows every password event of the person — who, when, what — and never a token or its digest', async () => {
    const recorded = await s.store.readStream(`credentials-${person}`);
    const head = recorded.at(-1)!.position;
    const res = await fetch(`${s.baseUrl}/audit?personId=${person}&pageSize=100&waitForPosition=${head}`, {
      headers: director,
    });
    expect(res.status).toBe(200);
    const items = ((await json(res)) as { items: Record<string, unknown>[] }).items.filter((e) =>
      String(e.streamName).startsWith('credentials-'),
    );
    expect(items.map((e) => e.type)).toEqual(recorded.map((e) => e.type));
    const masked = `i***@school-a.test`;
    expect(items.map((e) => e.summary)).toEqual([
      expect.stringContaining(`${person}: отправлено приглашение для первого входа на ${masked}`),
      `${person}: приглашение принято, пароль задан`,
      `${person}: пароль изменён владельцем учётной записи`,
      expect.stringContaining(`${person}: запрошен сброс пароля, ссылка отправлена на ${masked}`),
      `${person}: новый пароль задан по ссылке сброса`,
      expect.stringContaining(`${person}: администрация сбросила пароль (Пароль стал известен коллеге)`),
      `${person}: новый пароль задан по ссылке сброса`,
    ]);
    expect(items[0]).toMatchObject({ actor: { id: `director-a-${run}` }, occurredAt: expect.any(String) });
    expect(items[2]).toMatchObject({ actor: { id: person } });
    const text = JSON.stringify(items);
    for (const e of recorded) {
      const digest = (e.data as { tokenDigest?: string }).tokenDigest;
      if (digest) expect(text).not.toContain(digest);
    }
    expect(text).not.toContain(email);
    expect(text).not.toMatch(/vs[ir]_[A-Za-z0-9_-]{43}/);
  });

  it('people set up before invitations (the seed) keep signing in with their directory password', async () => {
    expect((await login(s.baseUrl, `director-a-${run}`)).Authorization).toMatch(/^Bearer /);
    expect(TEST_PASSWORD).toBeTruthy();
  });
});
