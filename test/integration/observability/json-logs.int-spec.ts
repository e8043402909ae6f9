import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { projectRoot } from '../../../infra/dev-stack/paths';
import { freePort, waitUntil } from '../../../infra/dev-stack/ports';
import { loginAs, putAccount } from '../auth/accounts';
import { scheduleBody } from '../auth/support/fixture';
import { startServices, type Services } from '../harness';

type LogLine = Record<string, unknown> & { level: string; msg: string };

/** The API as `npm start` runs it: its own process, its stdout read line by line. */
describe('the API process writes JSON logs', () => {
  let s: Services;
  let api: ChildProcess;
  let baseUrl: string;
  const lines: string[] = [];
  const logs = () => lines.flatMap((l) => (l.startsWith('{') ? [JSON.parse(l) as LogLine] : []));

  beforeAll(async () => {
    s = await startServices({ api: false });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const root = projectRoot();
    api = spawn(process.execPath, [path.join(root, 'infra/scripts/run-ts.js'), 'services/api/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [api.stdout!, api.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (l) => lines.push(l));
    }
    await waitUntil('API', async () => (await fetch(`${baseUrl}/health`)).ok, 90_000);
  });
  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api.once('exit', r));
      api.kill('SIGTERM');
      await exited;
    }
    await s?.stop();
  });

  it('starts without a line per route or module at the default level', () => {
    expect(lines.join('\n')).not.toMatch(/Mapped \{|RoutesResolver|InstanceLoader/);
    for (const line of logs()) expect(line).toMatchObject({ service: 'api', level: expect.any(String) });
  });

  it("logs each command once with its correlation id, which its events carry too, and never the caller's token", async () => {
    const headers = await loginAs({ baseUrl, db: s.db, store: s.store }, 'director', 'school-1', {
      id: 'director-1',
    });
    // The procedures' responsible (scheduleBody names the school's deputy): a person of school-1.
    await putAccount(s, { login: 'deputy-school-1', role: 'deputy', scope: 'school-1' });
    const token = (headers.Authorization ?? headers.authorization ?? '').replace(/^Bearer /, '');
    expect(token.length).toBeGreaterThan(10);
    const schedule = (id: string, extra: Record<string, string> = {}) =>
      fetch(`${baseUrl}/procedures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers, ...extra },
        body: JSON.stringify({ ...scheduleBody('school-1'), id }),
      });

    const given = `corr-${randomUUID()}`;
    const first = `l-${randomUUID()}`;
    const res = await schedule(first, { 'X-Correlation-Id': given });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe(given);

    const second = `l-${randomUUID()}`;
    const res2 = await schedule(second);
    expect(res2.status).toBe(201);
    const generated = res2.headers.get('x-correlation-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    await waitUntil(
      'log lines',
      async () => logs().filter((l) => l.correlationId === generated).length > 0,
      10_000,
    );
    for (const [id, correlationId] of [
      [first, given],
      [second, generated],
    ]) {
      const mine = logs().filter((l) => l.correlationId === correlationId);
      expect(mine).toEqual([
        expect.objectContaining({
          level: 'info',
          service: 'api',
          req: { method: 'POST', path: '/procedures' },
          res: { statusCode: 201 },
          responseTime: expect.any(Number),
        }),
      ]);
      const [event] = await s.store.readStream(`procedure-${id}`);
      expect(event.metadata.correlationId).toBe(correlationId);
    }
    expect(lines.join('\n')).not.toContain(token);
  });
});
