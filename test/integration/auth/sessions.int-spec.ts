import { randomUUID } from 'node:crypto';
import { json, startServices, type Services } from '../harness';
import { login, loginAs, putAccount, putDistrict } from './accounts';

describe('signing in, sessions and API keys on the real API', () => {
  let s: Services;
  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    s = await startServices({ projector: false });
    await putDistrict(s, 'district-1', ['school-a', 'school-b']);
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
  });

  const me = (headers: Record<string, string>) => fetch(`${s.baseUrl}/auth/me`, { headers });

  it('issues an opaque token on the right password only, and stores neither password nor token', async () => {
    await putAccount(s, { login: 'ivanova', role: 'deputy', scope: 'school-a', name: 'Иванова А. П.' });
    const wrong = await fetch(`${s.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'ivanova', password: 'qwerty' }),
    });
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Неверный логин или пароль',
    });
    const unknown = await fetch(`${s.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'nobody', password: 'qwerty' }),
    });
    expect(await json(unknown)).toMatchObject({ code: 'INVALID_CREDENTIALS' });

    const headers = await login(s.baseUrl, 'ivanova');
    const token = headers.Authorization.slice('Bearer '.length);
    const res = await me(headers);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      kind: 'user',
      id: 'ivanova',
      schoolId: 'school-a',
      roles: ['deputy'],
      readableSchools: ['school-a'],
    });
    const stored = JSON.stringify([
      await s.db.collection('users').find().toArray(),
      await s.db.collection('sessions').find().toArray(),
      await s.db.collection('credentials').find().toArray(),
    ]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('correct horse');
    expect(stored).toContain('scrypt$32768$8$1$');
    // The password's hash lives in the credentials only: never in the directory, never in the event log.
    expect(JSON.stringify(await s.db.collection('users').find().toArray())).not.toContain('scrypt$');
    expect(JSON.stringify(await s.store.readAll())).not.toContain('scrypt$');
  });

  it('ends a session on sign-out and when it expires', async () => {
    const headers = await loginAs(s, 'teacher', 'school-a', { id: 'petrova' });
    expect((await me(headers)).status).toBe(200);
    const out = await fetch(`${s.baseUrl}/auth/logout`, { method: 'POST', headers });
    expect(out.status).toBe(204);
    const after = await me(headers);
    expect(after.status).toBe(401);
    expect(await json(after)).toMatchObject({ code: 'SESSION_INVALID' });

    const again = await login(s.baseUrl, 'petrova');
    await s.db.collection('sessions').updateMany({ userId: 'petrova' }, { $set: { expiresAt: new Date(0) } });
    expect((await me(again)).status).toBe(401);
  });

  it('takes the Bearer scheme in any case', async () => {
    const { Authorization } = await loginAs(s, 'methodist', 'school-a', { id: 'sidorova' });
    const token = Authorization.replace(/^Bearer /, '');
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const res = await me({ Authorization: `${scheme} ${token}` });
      expect(res.status).toBe(200);
    }
  });

  it('refuses requests without credentials or with forged ones', async () => {
    const none = await me({});
    expect(none.status).toBe(401);
    expect(await json(none)).toMatchObject({ code: 'ACTOR_REQUIRED' });
    expect((await me({ Authorization: `Bearer vss_${randomUUID()}` })).status).toBe(401);
    expect((await me({ Authorization: 'Basic abc' })).status).toBe(401);
    expect((await me({ 'X-Api-Key': 'vsk_aaaaaaaaaaaa_' + 'b'.repeat(43) })).status).toBe(401);
    const headersOnly = await me({ 'X-Actor-Id': 'director-1', 'X-Actor-Role': 'director' });
    expect(headersOnly.status).toBe(401);
  });

  it('lets a director issue an API key for their school that works until revoked; others may not issue', async () => {
    const director = await loginAs(s, 'director', 'school-a');
    const teacher = await loginAs(s, 'teacher', 'school-a');
    const body = JSON.stringify({ name: 'Календарь школы', permissions: ['procedures:read'] });
    const post = (headers: Record<string, string>) =>
      fetch(`${s.baseUrl}/auth/api-keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const denied = await post(teacher);
    expect(denied.status).toBe(403);
    expect(await json(denied)).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });

    const created = await post(director);
    expect(created.status).toBe(201);
    const { key, keyId } = await json(created);
    expect(await s.db.collection('api_keys').findOne({ _id: keyId })).not.toHaveProperty('key');
    const asKey = await me({ 'X-Api-Key': key });
    expect(await json(asKey)).toMatchObject({
      kind: 'integration',
      schoolId: 'school-a',
      permissions: ['procedures:read'],
    });
    const keyMayNotIssue = await post({ 'X-Api-Key': key });
    expect(keyMayNotIssue.status).toBe(403);

    const otherDirector = await loginAs(s, 'director', 'school-b');
    const foreign = await fetch(`${s.baseUrl}/auth/api-keys/${keyId}`, {
      method: 'DELETE',
      headers: otherDirector,
    });
    expect(foreign.status).toBe(404);
    const revoked = await fetch(`${s.baseUrl}/auth/api-keys/${keyId}`, {
      method: 'DELETE',
      headers: director,
    });
    expect(revoked.status).toBe(204);
    const after = await me({ 'X-Api-Key': key });
    expect(after.status).toBe(401);
    expect(await json(after)).toMatchObject({ code: 'API_KEY_INVALID' });
  });

  it('sends security headers and no CORS permission to an unknown origin', async () => {
    const res = await fetch(`${s.baseUrl}/health`, { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('slows down password guessing: the eleventh attempt within a minute for one login is refused with 429', async () => {
    await putAccount(s, { login: 'target', role: 'director', scope: 'school-a' });
    const attempt = () =>
      fetch(`${s.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'target', password: 'guess' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    expect((await login(s.baseUrl, 'ivanova').then(() => 'ok')) as string).toBe('ok');
  });

  it('caps sign-in attempts per address too: trying many logins from one machine is refused with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${s.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: `someone-${i}`, password: 'guess' }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(await json(res)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    }
    // 30 a minute from one address (LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE), the earlier tests' attempts included.
    expect(statuses.filter((st) => st === 401).length).toBeLessThanOrEqual(30);
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThan(0);
    expect(statuses.slice(firstRefused)).toEqual(Array(40 - firstRefused).fill(429));
  });
});
