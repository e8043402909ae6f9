import { loadConfig } from '@vsoko/config';
import { createEventStore } from '@vsoko/event-store';
import { MongoClient } from 'mongodb';
import { runProjector } from './run-projector';

const SOCKET_TIMEOUT_MS = 15_000;

async function main() {
  const config = loadConfig();
  if (!config.MONGODB_URL) throw new Error('MONGODB_URL не задан');
  // A request left hanging by the server (FerretDB v1 after a client was killed mid-write) fails after this
  // long instead of stalling the projector; the batch is then retried from the checkpoint.
  const mongo = await MongoClient.connect(config.MONGODB_URL, { socketTimeoutMS: SOCKET_TIMEOUT_MS });
  const store = await createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath });
  const running = await runProjector({
    store,
    db: mongo.db(config.MONGODB_DB),
    onError: (e) =>
      process.stderr.write(`projector: пакет не применён, повтор с контрольной точки: ${String(e)}\n`),
  });
  process.stdout.write('projector: следую за журналом событий\n');
  const shutdown = async () => {
    await running.stop();
    await store.close();
    await mongo.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await running.done;
}

main().catch((e) => {
  process.stderr.write(
    `projector остановлен с ошибкой: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
