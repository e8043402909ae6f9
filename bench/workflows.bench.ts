import { localDateOf } from '@vsoko/domain';
import type { Durability } from '@vsoko/event-store';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { DEFAULT_HISTORY_SHARDS } from '../infra/dev-stack/temporal-postgres';
import { cpuSample, cpuSince } from './workflows/cpu';
import { lifecycleDriver, Retries, trivialDriver } from './workflows/drivers';
import { COMMANDS_PER_LIFECYCLE, EVENT_TYPES, TIME_ZONE } from './workflows/lifecycle';
import { progress, runPool } from './workflows/pool';
import { benchLine, kindLine, type KindTotals } from './workflows/report';
import { ENGINES, startBenchStack, type BenchStack, type Engine } from './workflows/stack';
import { verifyRun } from './workflows/verify';

/**
 * N procedures through their whole life (schedule → performed → analysis → discussion → two decisions adopted →
 * each executed → closed: 8 commands, 8 events) on the real Temporal dev server, against a trivial workflow
 * taking the same 8 Updates with no activity, driven the same way on the same server in the same run.
 *
 * The run is split into rounds; each round drives N/rounds of each kind, the order alternating between
 * rounds, so both sides meet the same background load and the same growth of the server's database.
 * A kind's rate is all its procedures over the sum of its phases' wall times.
 *
 * Options: --n N (or BENCH_N; default 1000), --concurrency C (procedures in flight, default 64),
 * --rounds R (default 4), --durability full|normal (the event store's synchronous=, default full),
 * --activity-probe (a third kind: the trivial workflow awaiting one no-op activity per update),
 * --dir PATH (where Temporal's and the event store's SQLite files go; /dev/shm takes the disk out),
 * --temporal-pragma P=V (repeatable: SQLite pragmas for the dev server's database, e.g. journal_mode=WAL),
 * --engines dev,postgres (or BENCH_ENGINES; default dev): the servers measured in the same run, interleaved
 * round by round — the CLI's dev server on SQLite, and the Temporal server on the embedded PostgreSQL
 * (infra/temporal-server, built on first use); each with its own event store and workers in this process.
 * --pg-shards N (or BENCH_PG_SHARDS; default DEFAULT_HISTORY_SHARDS): history shards of the PostgreSQL server's
 * fresh cluster (the dev server always has 1).
 */
interface Options {
  n: number;
  concurrency: number;
  rounds: number;
  durability: Durability;
  activityProbe: boolean;
  /** Where the servers' files go; the system's temporary directory unless given. */
  dir?: string;
  /** `--sqlite-pragma` values for the Temporal dev server's database, e.g. journal_mode=WAL. */
  temporalPragmas: string[];
  /** The servers measured side by side, the first one being the baseline of the comparison lines. */
  engines: Engine[];
  pgShards: number;
}

const WARM_UP = 20;

type Kind = 'lifecycles' | 'trivial' | 'trivial+activity';

function parseOptions(args: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const fromEnv: Record<string, string | undefined> = {
    n: process.env.BENCH_N,
    'pg-shards': process.env.BENCH_PG_SHARDS,
  };
  const integer = (name: string, fallback: number, min: number): number => {
    const raw = value(name) ?? fromEnv[name];
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: нужно целое число не меньше ${min}`);
    return n;
  };
  const durability = value('durability') ?? 'full';
  if (durability !== 'full' && durability !== 'normal') throw new Error('--durability: full или normal');
  return {
    n: integer('n', 1000, 1),
    concurrency: integer('concurrency', 64, 1),
    rounds: integer('rounds', 4, 1),
    durability,
    activityProbe: args.includes('--activity-probe'),
    dir: value('dir'),
    temporalPragmas: args.flatMap((a, i) => (args[i - 1] === '--temporal-pragma' ? [a] : [])),
    engines: engines(value('engines') ?? process.env.BENCH_ENGINES ?? 'dev'),
    pgShards: integer('pg-shards', DEFAULT_HISTORY_SHARDS, 1),
  };
}

interface EngineRun {
  stack: BenchStack;
  retries: Record<Kind, Retries>;
  drive: Record<Kind, (id: string) => Promise<void>>;
  ids: Record<Kind, string[]>;
  totals: Record<Kind, KindTotals>;
  head?: number;
}

function engines(list: string): Engine[] {
  const names = [...new Set(list.split(',').map((e) => e.trim()))];
  const unknown = names.filter((e) => !(ENGINES as readonly string[]).includes(e));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(`--engines: через запятую из ${ENGINES.join(', ')}`);
  return names as Engine[];
}

export async function run(args: string[] = []): Promise<void> {
  const options = parseOptions(args);
  const log = (line: string) => process.stderr.write(`[bench workflows] ${line}\n`);
  const wallStart = process.hrtime.bigint();
  const loadBefore = loadavg()[0];
  const kinds: Kind[] = options.activityProbe
    ? ['lifecycles', 'trivial', 'trivial+activity']
    : ['lifecycles', 'trivial'];
  const runs: Partial<Record<Engine, EngineRun>> = {};
  try {
    const tag = randomUUID().slice(0, 8);
    const today = localDateOf(new Date().toISOString(), TIME_ZONE);
    for (const engine of options.engines) {
      log(
        `запуск: ${engine === 'dev' ? 'Temporal CLI dev server (SQLite)' : 'сервер Temporal на PostgreSQL'}…`,
      );
      const stack = await startBenchStack({ ...options, engine }, log);
      const retries = Object.fromEntries(kinds.map((k) => [k, new Retries()])) as Record<Kind, Retries>;
      runs[engine] = {
        stack,
        retries,
        drive: {
          lifecycles: lifecycleDriver(stack.client, today, `${tag}-${engine}`, retries.lifecycles),
          trivial: trivialDriver(stack.client, false, retries.trivial),
          'trivial+activity': trivialDriver(stack.client, true, retries['trivial+activity']),
        },
        ids: { lifecycles: [], trivial: [], 'trivial+activity': [] },
        totals: Object.fromEntries(
          kinds.map((k) => [k, { count: 0, events: 0, seconds: 0, cpu: { server: 0, self: 0 } }]),
        ) as Record<Kind, KindTotals>,
      };
    }
    const engineRun = (engine: Engine) => runs[engine]!;
    let serial = 0;
    const phase = async (engine: Engine, kind: Kind, count: number, onDone?: () => void): Promise<number> => {
      const r = engineRun(engine);
      const batch = Array.from({ length: count }, () => `bench-${tag}-${engine}-${kind}-${++serial}`);
      r.ids[kind].push(...batch);
      const start = process.hrtime.bigint();
      await Promise.race([
        runPool(count, options.concurrency, (i) => r.drive[kind](batch[i]), onDone),
        r.stack.workersFailed,
      ]);
      return Number(process.hrtime.bigint() - start) / 1e9;
    };

    log(`разогрев: по ${WARM_UP} каждого вида на каждом сервере, вне замера`);
    for (const engine of options.engines) for (const kind of kinds) await phase(engine, kind, WARM_UP);

    const tick = progress('процедур пройдено', options.n * kinds.length * options.engines.length);
    for (let round = 0; round < options.rounds; round++) {
      const count =
        Math.floor((options.n * (round + 1)) / options.rounds) -
        Math.floor((options.n * round) / options.rounds);
      const engines = round % 2 === 0 ? options.engines : [...options.engines].reverse();
      for (const engine of engines) {
        const { stack, totals } = engineRun(engine);
        const order = round % 2 === 0 ? kinds : [...kinds].reverse();
        for (const kind of order) {
          const [before, headBefore] = [cpuSample(stack.serverPids), await stack.store.headPosition()];
          const seconds = await phase(engine, kind, count, tick);
          const used = cpuSince(before, cpuSample(stack.serverPids));
          const t = totals[kind];
          t.count += count;
          t.events += (await stack.store.headPosition()) - headBefore;
          t.seconds += seconds;
          t.cpu = { server: t.cpu.server + used.server, self: t.cpu.self + used.self };
        }
      }
    }

    log('проверка: статусы workflow, потоки событий, позиция журнала…');
    for (const engine of options.engines) {
      const r = engineRun(engine);
      r.head = await verifyRun(r.stack.client, r.stack.store, r.ids.lifecycles, [
        ...r.ids.trivial,
        ...r.ids['trivial+activity'],
      ]);
    }
    const wall = Number(process.hrtime.bigint() - wallStart) / 1e9;

    const rate = (engine: Engine, kind: Kind) => {
      const t = engineRun(engine).totals[kind];
      return t.count / t.seconds;
    };
    const line = (text: string) => process.stdout.write(text + '\n');
    line(
      `workflows: N=${options.n} procedures of ${COMMANDS_PER_LIFECYCLE} commands and ${EVENT_TYPES.length} events per server, ` +
        `${options.concurrency} in flight, ${options.rounds} interleaved rounds, servers: ${options.engines.join(', ')}, ` +
        `event store synchronous=${options.durability.toUpperCase()}, files in ${options.dir ?? tmpdir()}, ` +
        `Temporal SQLite pragmas: ${options.temporalPragmas.join(' ') || 'defaults'}` +
        (options.engines.includes('postgres')
          ? `, PostgreSQL server history shards: ${options.pgShards}`
          : '') +
        '; log heads ' +
        options.engines.map((e) => `${e} ${engineRun(e).head}`).join(', ') +
        ` (every procedure closed with its ${EVENT_TYPES.length} events)`,
    );
    line(
      `info wall time ${wall.toFixed(1)} s in all (start, bundling, warm-up, verification included); measured phases: ` +
        options.engines
          .flatMap((e) => kinds.map((k) => `${e}/${k} ${engineRun(e).totals[k].seconds.toFixed(1)} s`))
          .join(', '),
    );
    line(
      `info load average (1 min, all the machine's work) ${loadBefore.toFixed(1)} at start, ` +
        `${loadavg()[0].toFixed(1)} at end, on ${cpus().length} cores`,
    );
    for (const engine of options.engines) {
      const r = engineRun(engine);
      for (const kind of kinds)
        line(kindLine(`${engine}/${kind}`, r.totals[kind], COMMANDS_PER_LIFECYCLE, cpus().length));
      line(
        `info ${engine}: update calls timed out by the server and sent again (warm-up included): ` +
          kinds.map((k) => `${k} ${r.retries[k].count}`).join(', '),
      );
    }
    for (const engine of options.engines) {
      // The dev server keeps the names the figures have always had; other servers add theirs.
      const prefix = engine === 'dev' ? 'workflows' : `workflows.${engine}`;
      const t = engineRun(engine).totals.lifecycles;
      line(
        benchLine(
          `${prefix}.lifecycles`,
          'procedures/s',
          rate(engine, 'lifecycles'),
          rate(engine, 'trivial'),
        ),
      );
      line(
        benchLine(
          `${prefix}.events`,
          'events/s',
          t.events / t.seconds,
          rate(engine, 'trivial') * COMMANDS_PER_LIFECYCLE,
        ),
      );
    }
    if (options.engines.length > 1) {
      const [base, ...others] = options.engines;
      for (const engine of others)
        for (const kind of kinds)
          line(
            benchLine(
              `workflows.${engine}-vs-${base}.${kind}`,
              'procedures/s',
              rate(engine, kind),
              rate(base, kind),
            ),
          );
    }
  } finally {
    for (const r of Object.values(runs)) await r?.stack.stop();
  }
}
