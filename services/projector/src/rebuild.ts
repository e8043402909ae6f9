import { loadConfig } from '@vsoko/config';
import { createEventStore } from '@vsoko/event-store';
import { SingleBar, Presets } from 'cli-progress';
import { readStoreFromConfig } from './read-store-from-config';
import { rebuildReadModels } from './rebuild-read-models';

/** `npm run projections:rebuild`: drops the read models and replays the log into them, with progress. */
async function main() {
  const config = loadConfig();
  const readStore = await readStoreFromConfig(config);
  const store = await createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath });
  const bar = new SingleBar(
    { format: '{phase} [{bar}] {percentage}% | {value}/{total} {unit} | {eta_formatted}' },
    Presets.shades_classic,
  );
  const PHASES = {
    replay: { phase: 'Чтение журнала    ', unit: 'событий' },
    write: { phase: 'Запись документов ', unit: 'документов' },
    index: { phase: 'Построение индексов', unit: '' },
  };
  try {
    bar.start(await store.headPosition(), 0, PHASES.replay);
    const result = await rebuildReadModels({
      store,
      readStore,
      onProgress: ({ phase, done, total }) => {
        bar.setTotal(total);
        bar.update(done, PHASES[phase]);
      },
    });
    bar.stop();
    const rate = result.seconds > 0 ? Math.round(result.events / result.seconds) : result.events;
    process.stdout.write(
      `Готово: ${result.events} событий за ${result.seconds.toFixed(1)} с (${rate} событий/с), позиция ${result.head}\n`,
    );
    for (const [collection, count] of Object.entries(result.counts)) {
      process.stdout.write(`  ${collection}: ${count} документов\n`);
    }
  } finally {
    bar.stop();
    await store.close();
    await readStore.close();
  }
}

main().catch((e) => {
  process.stderr.write(`Пересборка не удалась: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
