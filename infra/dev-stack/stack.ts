import * as fs from 'node:fs';
import * as path from 'node:path';
import { READ_BACKENDS, TEMPORAL_BACKENDS } from '../../libs/config/src/backends';
import { startFerretDb } from './ferretdb';
import type { ManagedProcess } from './managed-process';
import { projectRoot } from './paths';
import { startPostgres, type EmbeddedPostgres } from './postgres';
import { startSmtpCapture } from './smtp-capture';
import { startTemporal } from './temporal';
import { startTemporalOnPostgres } from './temporal-postgres';

export interface StackEndpoints {
  TEMPORAL_ADDRESS: string;
  TEMPORAL_UI_URL?: string;
  MONGODB_URL: string;
  SMTP_URL: string;
  /** Set only when an external KurrentDB is configured; otherwise the embedded SQLite store in VSOKO_DATA_DIR. */
  EVENTSTORE_URL?: string;
  VSOKO_DATA_DIR: string;
  VSOKO_MAIL_DIR?: string;
  /** The embedded PostgreSQL server, when a chosen backend runs on it (`postgres://vsoko@127.0.0.1:<port>/`). */
  VSOKO_POSTGRES_URL?: string;
}

export interface RunningStack {
  endpoints: StackEndpoints;
  /** Which parts this process started (the rest came from the environment). */
  embedded: string[];
  stop(): Promise<void>;
}

export interface StackOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  /** Extra Temporal namespaces created at launch (tests give each file its own). */
  namespaces?: readonly string[];
}

/**
 * Brings up whatever the environment does not already point at: the Temporal dev server, FerretDB and an
 * SMTP capture, each on a free loopback port with its data under `dataDir`; and PostgreSQL when
 * `VSOKO_READ_BACKEND=ferretdb-pg` puts FerretDB on it or `VSOKO_TEMPORAL_BACKEND=postgres` the Temporal server.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const logDir = path.join(dataDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const bin = path.join(projectRoot(), '.vsoko', 'bin');
  const stoppers: Array<{ name: string; stop: () => Promise<void> }> = [];
  const embedded: string[] = [];

  const stop = async () => {
    for (const s of stoppers.reverse()) await s.stop().catch(() => undefined);
    stoppers.length = 0;
  };

  const readBackend = chosen('VSOKO_READ_BACKEND', env.VSOKO_READ_BACKEND, READ_BACKENDS);
  const temporalBackend = chosen('VSOKO_TEMPORAL_BACKEND', env.VSOKO_TEMPORAL_BACKEND, TEMPORAL_BACKENDS);
  let postgres: EmbeddedPostgres | undefined;
  const embeddedPostgres = async () => {
    if (!postgres) {
      log('запуск PostgreSQL…');
      postgres = await startPostgres(dataDir, logDir);
      stoppers.push(track(postgres.process));
      embedded.push('postgres');
    }
    return postgres;
  };

  try {
    const temporal = env.TEMPORAL_ADDRESS
      ? { address: env.TEMPORAL_ADDRESS, uiUrl: env.TEMPORAL_UI_URL }
      : await (async () => {
          const t =
            temporalBackend === 'postgres'
              ? await (async () => {
                  const pg = await embeddedPostgres();
                  log('запуск Temporal (сервер на PostgreSQL)…');
                  const binary = requireBinary(bin, 'temporal-server');
                  return startTemporalOnPostgres(binary, pg, logDir, options.namespaces);
                })()
              : (log('запуск Temporal (dev server)…'),
                await startTemporal(requireBinary(bin, 'temporal'), dataDir, logDir, options.namespaces));
          stoppers.push(track(t.process));
          embedded.push('temporal');
          return t;
        })();
    const mongoUrl =
      env.MONGODB_URL ??
      (await (async () => {
        const pg = readBackend === 'ferretdb-pg' ? await embeddedPostgres() : undefined;
        pg?.ensureDatabase('ferretdb');
        log(`запуск FerretDB (${pg ? 'PostgreSQL' : 'SQLite'})…`);
        const f = await startFerretDb(requireBinary(bin, 'ferretdb'), dataDir, logDir, {
          postgresqlUrl: pg?.url('ferretdb'),
        });
        stoppers.push(track(f.process));
        embedded.push('ferretdb');
        return f.url;
      })());
    let mailDir: string | undefined;
    const smtpUrl =
      env.SMTP_URL ??
      (await (async () => {
        const s = await startSmtpCapture(dataDir);
        stoppers.push({ name: 'smtp', stop: s.stop });
        embedded.push('smtp');
        mailDir = s.mailDir;
        return s.url;
      })());
    return {
      endpoints: {
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_UI_URL: temporal.uiUrl,
        MONGODB_URL: mongoUrl,
        SMTP_URL: smtpUrl,
        EVENTSTORE_URL: env.EVENTSTORE_URL || undefined,
        VSOKO_DATA_DIR: dataDir,
        VSOKO_MAIL_DIR: mailDir,
        VSOKO_POSTGRES_URL: postgres?.url(''),
      },
      embedded,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function chosen<T extends string>(variable: string, value: string | undefined, allowed: readonly T[]): T {
  if (!value) return allowed[0];
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${variable}: одно из ${allowed.join(', ')} (задано «${value}»)`);
}

function track(p: ManagedProcess) {
  return { name: p.name, stop: () => p.stop() };
}

function requireBinary(binDir: string, name: string): string {
  const file = path.join(binDir, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `нет ${file}: выполните npm run stack:build${name === 'temporal-server' ? ' -- --with-temporal-server' : ''} (нужен Go) или задайте адрес внешнего сервера`,
    );
  }
  return file;
}
