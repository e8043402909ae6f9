import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startProcess, untilReady } from './managed-process';
import { freePort } from './ports';
import type { EmbeddedPostgres } from './postgres';
import { serves, type EmbeddedTemporal } from './temporal';

const DATABASES = [
  { name: 'temporal', schema: 'postgresql/v12/temporal' },
  { name: 'temporal_visibility', schema: 'postgresql/v12/visibility' },
] as const;

/**
 * History shards of a new cluster. Fixed when its database is created: on a database made with another count the
 * server keeps the stored one (with a warning), so changing this affects new data folders only.
 */
export const DEFAULT_HISTORY_SHARDS = 4;

/**
 * The Temporal server (our launcher in infra/temporal-server, the same go.temporal.io/server as the CLI's dev
 * server) with persistence and visibility in two databases of the embedded PostgreSQL. Temporal's own SQL tool
 * creates the schema on first start and brings it up to the server's version on every start (a no-op when
 * current); the namespaces are registered by the launcher if missing.
 */
export async function startTemporalOnPostgres(
  binary: string,
  pg: EmbeddedPostgres,
  logDir: string,
  namespaces: readonly string[] = [],
  historyShards: number = DEFAULT_HISTORY_SHARDS,
): Promise<EmbeddedTemporal> {
  const logFile = path.join(logDir, 'temporal.log');
  for (const db of DATABASES) {
    pg.ensureDatabase(db.name);
    const connect = [
      '--ep',
      pg.host,
      '-p',
      String(pg.port),
      '-u',
      pg.user,
      '--pl',
      'postgres12',
      '--db',
      db.name,
    ];
    sqlTool(binary, [...connect, 'setup-schema', '-v', '0.0'], logFile);
    sqlTool(binary, [...connect, 'update-schema', '--schema-name', db.schema], logFile);
  }
  const [port, uiPort] = [await freePort(), await freePort()];
  const proc = startProcess(
    'temporal',
    binary,
    [
      'start',
      '--port',
      String(port),
      '--ui-port',
      String(uiPort),
      '--pg-addr',
      `${pg.host}:${pg.port}`,
      '--pg-user',
      pg.user,
      '--log-level',
      'error',
      '--history-shards',
      String(historyShards),
      ...namespaces.flatMap((n) => ['--namespace', n]),
    ],
    { logFile },
  );
  const address = `127.0.0.1:${port}`;
  await untilReady(proc, 'Temporal (PostgreSQL)', logFile, () => serves(address, namespaces), 120_000);
  return { address, uiUrl: `http://127.0.0.1:${uiPort}`, process: proc };
}

function sqlTool(binary: string, args: string[], logFile: string): void {
  const out = fs.openSync(logFile, 'a');
  const r = spawnSync(binary, ['sql', ...args], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (r.status !== 0)
    throw new Error(
      `схема Temporal в PostgreSQL (${args.slice(-3).join(' ')}): код ${r.status}, журнал: ${logFile}`,
    );
}
