import { DefaultLogger, NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { loadConfig } from '@vsoko/config';
import { createEventStore } from '@vsoko/event-store';
import { createProcedureWorker } from './create-worker';

async function main() {
  const config = loadConfig();
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS не задан');
  Runtime.install({
    logger: new DefaultLogger(config.LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } },
  });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const store = await createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath });
  const worker = await createProcedureWorker({ connection, namespace: config.TEMPORAL_NAMESPACE, store });
  process.stdout.write(`worker: очередь procedures, Temporal ${config.TEMPORAL_ADDRESS}\n`);
  // Runtime.install shuts the worker down gracefully on SIGINT/SIGTERM; run() then resolves.
  await worker.run();
  await store.close();
  await connection.close();
}

main().catch((e) => {
  process.stderr.write(
    `worker остановлен с ошибкой: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
