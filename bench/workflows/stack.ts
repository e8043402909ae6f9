import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createEventStore, type Durability, type EventStore } from '@vsoko/event-store';
import type { Logger } from '@vsoko/observability';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPostgres } from '../../infra/dev-stack/postgres';
import { startTemporal, type EmbeddedTemporal } from '../../infra/dev-stack/temporal';
import { startTemporalOnPostgres } from '../../infra/dev-stack/temporal-postgres';
import { createProcedureWorker } from '../../services/worker/src/create-worker';
import { TRIVIAL_TASK_QUEUE } from './definitions';
import { createTrivialActivities } from './trivial-activities';

const root = resolve(__dirname, '..', '..');
let runtimeInstalled = false;

/** The workflow engines the bench can drive: the CLI's dev server (SQLite), the Temporal server on PostgreSQL. */
export const ENGINES = ['dev', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export interface BenchStack {
  engine: Engine;
  client: Client;
  store: EventStore;
  /** The Temporal server's process, and PostgreSQL's when the engine has one (CPU is counted over their trees). */
  serverPids: number[];
  /** Rejects if a worker stops before stop() is called; never resolves. */
  workersFailed: Promise<never>;
  stop(): Promise<void>;
}

/**
 * A fresh Temporal dev server (its own SQLite file) and a fresh embedded event store, both under `dir` (on
 * tmpfs, /dev/shm, no write reaches a disk), and in this process the procedure worker beside the baseline's
 * worker, both on one connection. No FerretDB and so no notifications worker: the lifecycles driven here notify
 * nobody (see lifecycle.ts); a notification would wait for a worker forever, its procedure's workflow would not
 * complete, and the verification would say so.
 */
export async function startBenchStack(
  options: {
    engine: Engine;
    durability: Durability;
    dir?: string;
    temporalPragmas?: string[];
    /** History shards of the PostgreSQL engine's fresh cluster (infra/dev-stack/temporal-postgres.ts's default). */
    pgShards?: number;
    /** Where the workers' Prometheus metrics are served (host:port), e.g. for vsoko_plan_procedures_*. */
    metricsAddress?: string;
    /** Where the procedure worker's activity timing lines go (services/worker/src/activity-timing.ts). */
    activityLog?: Logger;
  },
  log: (line: string) => void,
): Promise<BenchStack> {
  const name = options.engine === 'postgres' ? 'temporal-server' : 'temporal';
  const binary = join(root, '.vsoko', 'bin', name);
  if (!existsSync(binary)) {
    log(`нет .vsoko/bin/${name}: сборка (node infra/scripts/build-binaries.js)…`);
    const built = spawnSync(
      process.execPath,
      [join(root, 'infra', 'scripts', 'build-binaries.js'), '--with-temporal-server'],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (built.status !== 0) throw new Error('build-binaries.js завершился с ошибкой');
  }
  const dir = mkdtempSync(join(options.dir ?? tmpdir(), `vsoko-bench-wf-${options.engine}-`));
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  const cleanups: Array<() => Promise<unknown> | unknown> = [
    () => rmSync(dir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    // Once per process; the SDK's INFO lines (bundle sizes, worker state) would drown the progress lines.
    runtimeInstalled ||=
      (Runtime.install({
        logger: new DefaultLogger('WARN'),
        ...(options.metricsAddress
          ? {
              telemetryOptions: {
                metrics: { prometheus: { bindAddress: options.metricsAddress, countersTotalSuffix: true } },
              },
            }
          : {}),
      }),
      true);
    const serverPids: number[] = [];
    let temporal: EmbeddedTemporal;
    if (options.engine === 'postgres') {
      const pg = await startPostgres(dir, logDir);
      cleanups.push(() => pg.process.stop());
      serverPids.push(pg.process.child.pid ?? 0);
      temporal = await startTemporalOnPostgres(binary, pg, logDir, [], options.pgShards);
    } else {
      temporal = await startTemporal(withPragmas(binary, dir, options.temporalPragmas ?? []), dir, logDir);
    }
    cleanups.push(() => temporal.process.stop());
    serverPids.push(temporal.process.child.pid ?? 0);
    const store = await createEventStore({
      sqlitePath: join(dir, 'events.sqlite'),
      durability: options.durability,
    });
    cleanups.push(() => store.close());

    const connection = await Connection.connect({ address: temporal.address });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: 'default' });

    const native = await NativeConnection.connect({ address: temporal.address });
    cleanups.push(() => native.close());
    log('сборка кода workflow (две сборки webpack)…');
    const workers = [
      // With the client, the worker also runs plan approvals (the fan-out drives procedure workflows through it).
      await createProcedureWorker({
        connection: native,
        namespace: 'default',
        store,
        temporal: client,
        ...(options.activityLog ? { activityLog: options.activityLog } : {}),
      }),
      await Worker.create({
        connection: native,
        namespace: 'default',
        taskQueue: TRIVIAL_TASK_QUEUE,
        workflowsPath: require.resolve('./trivial-workflow'),
        activities: createTrivialActivities(),
      }),
    ];
    let stopping = false;
    const running = Promise.all(workers.map((w) => w.run()));
    const workersFailed = running.then(
      () => {
        if (!stopping) throw new Error('воркер остановился раньше времени');
        return new Promise<never>(() => undefined);
      },
      (error) => {
        throw error;
      },
    );
    workersFailed.catch(() => undefined);
    cleanups.push(async () => {
      stopping = true;
      workers.forEach((w) => w.getState() === 'RUNNING' && w.shutdown());
      await running;
    });
    return { engine: options.engine, client, store, serverPids, workersFailed, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/**
 * The dev server opens its SQLite file with SQLite's defaults (rollback journal, synchronous=FULL) unless given
 * `--sqlite-pragma`; startTemporal passes none, so to measure others a wrapper that execs the binary (same pid)
 * adds them.
 */
function withPragmas(binary: string, dir: string, pragmas: string[]): string {
  if (pragmas.length === 0) return binary;
  const wrapper = join(dir, 'temporal-with-pragmas');
  const flags = pragmas.map((p) => `--sqlite-pragma '${p.replace(/'/g, '')}'`).join(' ');
  writeFileSync(wrapper, `#!/bin/sh\nexec '${binary}' "$@" ${flags}\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}
