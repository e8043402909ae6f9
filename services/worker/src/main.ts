import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { loadConfig } from '@vsoko/config';
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
  Runtime.install({
    logger: new DefaultLogger(config.LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } },
  });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const store = await createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath });
  const mongo = await MongoClient.connect(config.MONGODB_URL);
  const namespace = config.TEMPORAL_NAMESPACE;
  // Calendar activities drive procedure workflows as a client does.
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection: clientConnection, namespace });
  const workers = [
    await createProcedureWorker({ connection, namespace, store }),
    await createNotificationsWorker({
      connection,
      namespace,
      db: mongo.db(config.MONGODB_DB),
      smtpUrl: config.SMTP_URL,
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
  process.stdout.write(
    `worker: очереди procedures, notifications и integrations, Temporal ${config.TEMPORAL_ADDRESS}\n`,
  );
  const webhooks = await dispatchRecordedWebhooks({
    store,
    db: mongo.db(config.MONGODB_DB),
    temporal,
    log: (message) => process.stdout.write(`worker: ${message}\n`),
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
