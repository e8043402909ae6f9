import { existsSync } from 'node:fs';
import { loadConfig } from '@vsoko/config';
import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store';
import type { EventStore } from '../port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { verify, type VerifyReport } from '../verify';

const USAGE = `Проверка целостности журнала событий (цепочки хешей каждого потока).

  npm run audit:verify                 журнал из конфигурации (EVENTSTORE_URL или VSOKO_DATA_DIR)
  npm run audit:verify -- --file <путь>   файл встроенного журнала SQLite

Код выхода: 0 — журнал цел, 1 — найдено нарушение, 2 — журнал недоступен или неверные аргументы.
`;

/** Exit code: 0 intact, 1 tampered, 2 cannot check. */
export async function main(argv: string[], out: (line: string) => void): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const fileAt = argv.indexOf('--file');
  if ((fileAt >= 0 && !argv[fileAt + 1]) || argv.length > (fileAt >= 0 ? 2 : 0)) {
    out(USAGE);
    return 2;
  }
  const config = loadConfig();
  const file = fileAt >= 0 ? argv[fileAt + 1] : config.EVENTSTORE_URL ? undefined : config.eventStorePath;
  if (file !== undefined && !existsSync(file)) {
    out(`Журнал не найден: ${file}`);
    return 2;
  }
  const store: EventStore = file
    ? new SqliteEventStore({ path: file })
    : new KurrentDbEventStore({ url: config.EVENTSTORE_URL! });
  out(`Проверяю журнал: ${file ?? 'KurrentDB ' + config.EVENTSTORE_URL}`);
  try {
    const report = await verify(store, { gapFreePositions: file !== undefined });
    describe(report).forEach((line) => out(line));
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

function describe(report: VerifyReport): string[] {
  if (report.ok) {
    return [
      `Журнал цел: ${report.events} событий в ${report.streams} потоках, последняя позиция ${report.headPosition}.`,
      `Печать журнала (сохраните для следующей проверки): ${report.seal}`,
    ];
  }
  return [
    `НАРУШЕНИЕ ЦЕЛОСТНОСТИ [${report.reason}]: ${report.message}`,
    `Проверено событий до нарушения: ${report.events}.`,
  ];
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => process.stdout.write(line + '\n')).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `Проверка не выполнена: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
