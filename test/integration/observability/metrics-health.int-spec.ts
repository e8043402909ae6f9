import { randomUUID } from 'node:crypto';
import { createApiApp } from '../../../services/api/src/bootstrap';
import { putAccount } from '../auth/accounts';
import { scheduleBody } from '../auth/support/fixture';
import { json, startServices, type Services } from '../harness';

/** The value of one series in a Prometheus text exposition, or undefined when it is absent. */
function series(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/metrics and /health while the projector is stopped, then running', () => {
  let s: Services;
  let director: Record<string, string>;
  beforeAll(async () => {
    s = await startServices({ projector: false });
    director = await s.loginAs('director', 'school-1', { id: 'director-1' });
    // The procedures' responsible (scheduleBody names the school's deputy): a person of school-1.
    await putAccount(s, { login: 'deputy-school-1', role: 'deputy', scope: 'school-1' });
  });
  afterAll(async () => s?.stop());

  const schedule = (id: string) =>
    fetch(`${s.baseUrl}/procedures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...director },
      body: JSON.stringify({ ...scheduleBody('school-1'), id }),
    });

  it('counts commands by route pattern and reports the events the read models have not folded yet', async () => {
    const before = await s.store.headPosition();
    for (let i = 0; i < 3; i++) expect((await schedule(`m-${randomUUID()}`)).status).toBe(201);

    const res = await fetch(`${s.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await res.text();
    expect(
      series(
        text,
        'vsoko_http_request_duration_seconds_count',
        '{method="POST",route="/procedures",status="201"}',
      ),
    ).toBe(3);
    // The projector is not running: everything recorded so far is still to be folded (the workflows may have
    // recorded more since, e.g. a notice to the responsible person).
    const head = series(text, 'vsoko_event_log_head_position')!;
    expect(head).toBeGreaterThanOrEqual(before + 3);
    expect(series(text, 'vsoko_projector_checkpoint_position')).toBe(0);
    expect(series(text, 'vsoko_projector_lag_events')).toBe(head);
    expect(series(text, 'vsoko_projector_lag_seconds')).toBeGreaterThan(0);
    // Temporal is shared by every suite of the run, so other suites' failed workflows may be counted here.
    expect(
      series(text, 'vsoko_workflow_executions_unsuccessful', '{status="failed"}'),
    ).toBeGreaterThanOrEqual(0);
    expect(series(text, 'vsoko_api_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('says in /health that the projector lags, with every server up', async () => {
    const res = await fetch(`${s.baseUrl}/health`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.info.projector).toMatchObject({ status: 'up', checkpoint: 0, behind: false });
    expect(body.info.projector.lagEvents).toBeGreaterThanOrEqual(3);
    expect(body.info.temporal.taskQueues.procedures).toMatchObject({ behind: false });
    expect(body.info.temporal.taskQueues.procedures.pollers).toBeGreaterThan(0);
    // The notifications worker runs activities only: its activity queue is what it polls.
    expect(body.info.temporal.taskQueues.notifications).toMatchObject({ behind: false });
  });

  it('shows the lag gone once the projector has caught up', async () => {
    const { runProjector } = await import('../../../services/projector/src/run-projector');
    const projector = await runProjector({ store: s.store, readStore: s.readStore });
    try {
      // The workflows keep recording (the responsible person's notice): wait until the lag is gone.
      const deadline = Date.now() + 60_000;
      let text = '';
      do {
        await new Promise((r) => setTimeout(r, 1_100));
        text = await (await fetch(`${s.baseUrl}/metrics`)).text();
      } while (series(text, 'vsoko_projector_lag_events')! > 0 && Date.now() < deadline);
      expect(series(text, 'vsoko_projector_lag_events')).toBe(0);
      expect(series(text, 'vsoko_projector_lag_seconds')).toBe(0);
      expect(series(text, 'vsoko_projector_checkpoint_position')).toBe(
        series(text, 'vsoko_event_log_head_position'),
      );
      const health = await json(await fetch(`${s.baseUrl}/health`));
      expect(health.info.projector).toMatchObject({ behind: false });
      expect(health.info.projector.checkpoint).toBeGreaterThanOrEqual(3);
    } finally {
      await projector.stop();
    }
  });
});

describe('/health when no worker serves the task queues', () => {
  let s: Services;
  beforeAll(async () => {
    s = await startServices({ worker: false, projector: false });
  });
  afterAll(async () => s?.stop());

  it('names the task queues without workers as behind, and stays 200', async () => {
    const res = await fetch(`${s.baseUrl}/health`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.info.temporal.taskQueues).toEqual({
      procedures: { pollers: 0, backlog: 0, behind: true },
      notifications: { pollers: 0, backlog: 0, behind: true },
    });
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const token = `metrics-${randomUUID()}`;
  let s: Services;
  let baseUrl: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    s = await startServices({ api: false, worker: false, projector: false });
    process.env.METRICS_TOKEN = token;
    const app = await createApiApp({ logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    close = () => app.close();
  });
  afterAll(async () => {
    delete process.env.METRICS_TOKEN;
    await close?.();
    await s?.stop();
  });

  it('refuses even this machine without the token, with a stable code, and answers the scraper that sends it', async () => {
    const refused = await fetch(`${baseUrl}/metrics`);
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'METRICS_TOKEN_REQUIRED' });
    const wrong = await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(403);

    const res = await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('# TYPE vsoko_projector_lag_events gauge');
  });
});
