import { ConfigError, loadConfig } from '@vsoko/config';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { superviseService, type SupervisedService } from './services';
import { startStack, type RunningStack } from './stack';
import { waitUntil } from './ports';

const log = (message: string) => process.stdout.write(`[vsoko] ${message}\n`);

/** `npm start`: the embedded servers, then the three services, then where to open it all. */
async function main() {
  const t0 = Date.now();
  const config = loadConfig();
  const running: { stack?: RunningStack } = {};
  const services: SupervisedService[] = [];
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log('остановка…');
    await Promise.all(services.map((s) => s.stop()));
    await running.stack?.stop();
    log('остановлено');
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const stack = await startStack({ dataDir: config.VSOKO_DATA_DIR, log });
  running.stack = stack;
  // Where the embedded servers listen, for administrative commands run beside `npm start` (`vsoko seed demo`).
  fs.writeFileSync(
    path.join(config.VSOKO_DATA_DIR, 'endpoints.json'),
    JSON.stringify(stack.endpoints, null, 2),
  );
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(stack.endpoints)) if (value) env[key] = value;
  for (const name of ['worker', 'projector', 'api'] as const) services.push(superviseService(name, env));

  const api = `http://127.0.0.1:${config.PORT}`;
  await waitUntil('API', async () => (await fetch(`${api}/health`)).ok, 120_000);
  const e = stack.endpoints;
  log(`готово за ${((Date.now() - t0) / 1000).toFixed(1)} с`);
  process.stdout.write(
    [
      '',
      `  Приложение:        ${api}/  (вход: см. README, «Вход и демонстрационные данные»)`,
      `  API:               ${api}`,
      `  OpenAPI:           ${api}/docs`,
      `  Состояние:         ${api}/health`,
      `  Temporal Web UI:   ${e.TEMPORAL_UI_URL ?? '(внешний Temporal: ' + e.TEMPORAL_ADDRESS + ')'}`,
      `  MongoDB:           ${e.MONGODB_URL}${stack.embedded.includes('ferretdb') ? ` (FerretDB, ${e.VSOKO_POSTGRES_URL ? 'PostgreSQL' : 'SQLite'})` : ''}`,
      ...(e.VSOKO_POSTGRES_URL ? [`  PostgreSQL:        ${e.VSOKO_POSTGRES_URL}`] : []),
      `  Журнал событий:    ${e.EVENTSTORE_URL ?? config.eventStorePath + ' (SQLite)'}`,
      `  Витрины (чтение):  ${config.VSOKO_READ_MODELS === 'sqlite' ? config.readModelsPath + ' (SQLite)' : 'MongoDB, ' + config.MONGODB_DB}`,
      `  Почта (SMTP):      ${e.SMTP_URL}${e.VSOKO_MAIL_DIR ? ', письма сохраняются в ' + e.VSOKO_MAIL_DIR : ''}`,
      '',
      '  Остановить: Ctrl-C',
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(
    e instanceof ConfigError
      ? `[vsoko] ${e.message}\n`
      : `[vsoko] запуск не удался: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
