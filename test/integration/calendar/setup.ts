import { NativeConnection, type Worker } from '@temporalio/worker';
import { loadConfig } from '@vsoko/config';
import { addDays, localDateOf } from '@vsoko/domain';
import type { AllowList } from '@vsoko/outbound';
import { createIntegrationsWorker } from '../../../services/worker/src/create-integrations-worker';
import { json, startServices, type JsonBody, type Services } from '../harness';

/** The shared services plus the `integrations` worker, which a test can stop and start again. */
export interface CalendarServices extends Services {
  startIntegrations(): Promise<void>;
  stopIntegrations(): Promise<void>;
  /** Signs in as the school's director (once per school) and calls the API as them. */
  api(method: string, path: string, body?: unknown, asSchool?: string): Promise<Response>;
  stopAll(): Promise<void>;
}

/**
 * `outboundAllowedHosts` is the worker's OUTBOUND_ALLOWED_HOSTS: tests whose feed host listens on loopback
 * allow it explicitly, as an operator would; without it the worker fetches public addresses only.
 */
export async function startCalendarServices(
  defaultSchool: string,
  options: { outboundAllowedHosts?: string } = {},
): Promise<CalendarServices> {
  const { outboundAllowList } = loadConfig({
    ...process.env,
    OUTBOUND_ALLOWED_HOSTS: options.outboundAllowedHosts ?? '',
  });
  const s = await startServices();
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  let running: RunningWorker | undefined;
  const startIntegrations = async () => {
    running = await runIntegrationsWorker(s, connection, outboundAllowList);
  };
  const stopIntegrations = async () => {
    await running?.stop();
    running = undefined;
  };
  await startIntegrations();
  const sessions = new Map<string, Record<string, string>>();
  const headersFor = async (school: string) => {
    if (!sessions.has(school)) sessions.set(school, await s.loginAs('director', school));
    return sessions.get(school)!;
  };
  return {
    ...s,
    startIntegrations,
    stopIntegrations,
    api: async (method, path, body, asSchool = defaultSchool) =>
      fetch(`${s.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(await headersFor(asSchool)) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async stopAll() {
      await stopIntegrations();
      await connection.close();
      await s.stop();
    },
  };
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

/** The `integrations` task queue's worker on the services' namespace, log and database, as the worker service runs it. */
export async function runIntegrationsWorker(
  s: Services,
  connection: NativeConnection,
  outboundAllowList: AllowList,
): Promise<RunningWorker> {
  const worker = await createIntegrationsWorker({
    connection,
    namespace: s.namespace,
    store: s.store,
    db: s.db,
    temporal: s.temporal,
    outboundAllowList,
  });
  const done = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await done;
    },
  };
}

export async function createIntegration(s: CalendarServices, schoolId: string, timeZone = 'Europe/Moscow') {
  const res = await s.api(
    'POST',
    '/integrations/calendar',
    {
      schoolId,
      name: 'Календарь школы',
      timeZone,
      defaults: { responsible: { role: 'deputy', name: 'Заместитель директора по УВР' } },
    },
    schoolId,
  );
  expect(res.status).toBe(201);
  return (await json(res)) as JsonBody & { integrationId: string; secret: string };
}

/** Days relative to today in the zone, so the windows are always ahead (reschedules into the past are refused). */
export function day(offset: number, timeZone = 'Europe/Moscow'): string {
  return addDays(localDateOf(Date.now(), timeZone), offset);
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
