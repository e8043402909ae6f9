import { loadConfig } from '@vsoko/config';
import { createEventStore } from '@vsoko/event-store';
import { createLogger } from '@vsoko/observability';
import { readStoreFromConfig } from './read-store-from-config';
import { runProjector } from './run-projector';

async function main() {
  const config = loadConfig();
  const log = createLogger('projector', config.LOG_LEVEL);
  const readStore = await readStoreFromConfig(config);
  const store = await createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath });
  let reported = 0;
  const running = await runProjector({
    store,
    readStore,
    onError: (e) => log.warn({ err: e }, 'пакет не применён, повтор с контрольной точки'),
    onRebuild: ({ phase, done, total }) => {
      if (phase === 'index') {
        if (done === 0) log.info('витрины собраны, строю их индексы');
        return;
      }
      const percent = Math.floor((done / total) * 100);
      if (percent < reported + 5 && done < total) return;
      reported = percent;
      log.info({ percent, done, total }, `пересборка витрин из журнала — ${percent}%`);
    },
  });
  log.info('следую за журналом событий');
  const shutdown = async () => {
    await running.stop();
    await store.close();
    await readStore.close();
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
