import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { loadConfig } from '@vsoko/config';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import { openReadStore, type ReadStore } from '@vsoko/projections';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@vsoko/accounts';
import type { PositionToAssign } from '@vsoko/domain';
import { createApiApp } from '../../services/api/src/bootstrap';
import { runProjector, type RunningProjector } from '../../services/projector/src/run-projector';
import { createNotificationsWorker } from '../../services/worker/src/create-notifications-worker';
import { createProcedureWorker } from '../../services/worker/src/create-worker';
import { loginAs } from './auth/accounts';
import { nextTestNamespace } from './namespaces';

export interface Services {
  baseUrl: string;
  namespace: string;
  store: EventStore;
  temporal: Client;
  db: Db;
  /** The read models, where the configuration puts them (VSOKO_READ_MODELS; an SQLite file in dataDir by default). */
  readStore: ReadStore;
  dataDir: string;
  worker: Worker;
  /**
   * Signs in over HTTP as a person holding `role` at `scope` (a school; a district for `inspector`), created on
   * first use; answers the headers to send. The login, and so the actor id in events, is `options.id` or
   * `<role>-<scope>`.
   */
  loginAs(
    role: Role,
    scope: string,
    options?: { id?: string; name?: string; positions?: PositionToAssign[] },
  ): Promise<Record<string, string>>;
  /** Starts the workers of a stack made with `worker: false` (work started before then waits in Temporal). */
  runWorkers(): void;
  stop(): Promise<void>;
}

/**
 * The three services in this process against the shared real stack, each test file with its own event log
 * file, MongoDB database and Temporal task traffic (workflow ids are unique per test).
 */
export async function startServices(
  options: { worker?: boolean; projector?: boolean; api?: boolean } = {},
): Promise<Services> {
  const runId = randomUUID().slice(0, 8);
  const dataDir = path.join(requiredEnv('VSOKO_IT_DATA_DIR'), runId);
  fs.mkdirSync(dataDir, { recursive: true });
  process.env.VSOKO_DATA_DIR = dataDir;
  process.env.MONGODB_DB = `vsoko_it_${runId}`;
  const namespace = nextTestNamespace();
  process.env.TEMPORAL_NAMESPACE = namespace;
  delete process.env.PORT;

  const store = await createEventStore({
    url: process.env.EVENTSTORE_URL,
    sqlitePath: path.join(dataDir, 'events.sqlite'),
  });
  const mongo = await MongoClient.connect(requiredEnv('MONGODB_URL'));
  const db = mongo.db(process.env.MONGODB_DB);
  const config = loadConfig();
  const readStore = await openReadStore({
    kind: config.VSOKO_READ_MODELS,
    sqlitePath: config.readModelsPath,
    db,
  });
  const connection = await Connection.connect({ address: requiredEnv('TEMPORAL_ADDRESS') });
  const temporal = new Client({ connection, namespace });

  const nativeConnection = await NativeConnection.connect({ address: requiredEnv('TEMPORAL_ADDRESS') });
  const worker = await createProcedureWorker({ connection: nativeConnection, namespace, store, temporal });
  const notifications = await createNotificationsWorker({
    connection: nativeConnection,
    namespace,
    db,
    smtpUrl: requiredEnv('SMTP_URL'),
    invitations: { store, publicUrl: config.publicUrl, invitationTtlHours: config.INVITATION_TTL_HOURS },
  });
  // Without `worker`, the workers are made (s.worker exists) but never poll; they are run and shut down at stop,
  // since a worker that was never run keeps its connection from closing.
  let workerRun: Promise<unknown> | undefined =
    options.worker === false ? undefined : Promise.all([worker.run(), notifications.run()]);

  let projector: RunningProjector | undefined;
  if (options.projector !== false) projector = await runProjector({ store, readStore });

  let app: NestExpressApplication | undefined;
  let baseUrl = '';
  if (options.api !== false) {
    app = await createApiApp(process.env.VSOKO_IT_API_LOGS ? {} : { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  return {
    baseUrl,
    loginAs: (role, scope, opts) => loginAs({ baseUrl, db, store }, role, scope, opts),
    namespace,
    store,
    temporal,
    db,
    readStore,
    dataDir,
    worker,
    runWorkers() {
      workerRun ??= Promise.all([worker.run(), notifications.run()]);
    },
    async stop() {
      await app?.close();
      await projector?.stop();
      workerRun ??= Promise.all([worker.run(), notifications.run()]);
      worker.shutdown();
      notifications.shutdown();
      await workerRun;
      await nativeConnection.close();
      await connection.close();
      await db.dropDatabase().catch(() => undefined);
      await mongo.close();
      await readStore.close();
      await store.close();
    },
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: integration tests run under jest's integration project`);
  return value;
}

/** DEVELOPMENT STAND-IN headers (needs AUTH_DEV_HEADERS=true); new tests use `loginAs`. */

// Response bodies are checked field by field with toMatchObject; a loose type keeps the tests readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = Record<string, any>;

export async function json(res: Response): Promise<JsonBody> {
  return (await res.json()) as JsonBody;
}
