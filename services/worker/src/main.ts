import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { loadConfig } from '@vsoko/config';
import { createLogger, temporalLogger } from '@vsoko/observability';
import { createEventStore } from '@vsoko/event-store';
import { MongoClient } from 'mongodb';
import { createIntegrationsWorker } from './create-integrations-worker';
import { dispatchRecordedWebhooks } from './webhook-dispatcher';
import { createNotificationsWorker } from './create-notifications-worker';
import { createProcedureWorker } from './create-worker';

async function main() {
  const config = loadConfig();
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS не задан');
  if (!config.MONGODB_URL) throw new Error('MONGODB_URL не задан');
  if (!config.SMTP_URL) throw new Error('SMTP_URL не задан');
  const log = createLogger('worker', config.LOG_LEVEL);
  Runtime.install({
    // The SDK's INFO lines (a line per worker state change) stay out unless LOG_LEVEL=debug.
    logger: temporalLogger(log.child({}, { level: config.LOG_LEVEL === 'debug' ? 'debug' : 'warn' })),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) },
      // Activity and workflow failures, task latencies, and vsoko_mail_* / vsoko_plan_* (README, Operations).
      ...(config.WORKER_METRICS_ADDRESS
        ? {
            metrics: {
              prometheus: {
                bindAddress: config.WORKER_METRICS_ADDRESS,
                countersTotalSuffix: true,
                useSecondsForDurations: true,
              },
            },
          }
        : {}),
    },
  });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const store = await createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath });
  const mongo = await MongoClient.connect(config.MONGODB_URL);
  const namespace = config.TEMPORAL_NAMESPACE;
  // Calendar activities drive procedure workflows as a client does.
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection: clientConnection, namespace });
  const workers = [
    // Each activity attempt timed: a slow or retried one is a `warn` line naming what it waited for.
    await createProcedureWorker({
      connection,
      namespace,
      store,
      temporal,
      activityLog: log.child({ component: 'activities' }),
    }),
    await createNotificationsWorker({
      connection,
      namespace,
      db: mongo.db(config.MONGODB_DB),
      smtpUrl: config.SMTP_URL,
      invitations: {
        store,
        publicUrl: config.publicUrl,
        invitationTtlHours: config.INVITATION_TTL_HOURS,
      },
    }),
    await createIntegrationsWorker({
      connection,
      namespace,
      store,
      db: mongo.db(config.MONGODB_DB),
      temporal,
      outboundAllowList: config.outboundAllowList,
    }),
  ];
  log.info(
    { temporal: config.TEMPORAL_ADDRESS, metrics: config.WORKER_METRICS_ADDRESS },
    'очереди procedures, notifications и integrations',
  );
  const webhooks = await dispatchRecordedWebhooks({
    store,
    db: mongo.db(config.MONGODB_DB),
    temporal,
    log: (message) => log.info(message),
  });
  // Runtime.install shuts the workers down gracefully on SIGINT/SIGTERM; run() then resolves.
  await Promise.all(workers.map((w) => w.run()));
  await webhooks.stop();
  await store.close();
  await mongo.close();
  await clientConnection.close();
  await connection.close();
}

main().catch((e) => {
  process.stderr.write(
    `worker остановлен с ошибкой: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
