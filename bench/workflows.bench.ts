import { localDateOf } from '@vsoko/domain';
import type { Durability } from '@vsoko/event-store';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { cpuSample, cpuSince } from './workflows/cpu';
import { lifecycleDriver, Retries, trivialDriver } from './workflows/drivers';
import { COMMANDS_PER_LIFECYCLE, EVENT_TYPES, TIME_ZONE } from './workflows/lifecycle';
import { progress, runPool } from './workflows/pool';
import { benchLine, kindLine, type KindTotals } from './workflows/report';
import { startBenchStack } from './workflows/stack';
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
 * --temporal-pragma P=V (repeatable: SQLite pragmas for the dev server's database, e.g. journal_mode=WAL).
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
}

const WARM_UP = 20;

type Kind = 'lifecycles' | 'trivial' | 'trivial+activity';

function parseOptions(args: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const integer = (name: string, fallback: number, min: number): number => {
    const raw = value(name) ?? (name === 'n' ? process.env.BENCH_N : undefined);
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
  };
}

export async function run(args: string[] = []): Promise<void> {
  const options = parseOptions(args);
  const log = (line: string) => process.stderr.write(`[bench workflows] ${line}\n`);
  const wallStart = process.hrtime.bigint();
  const loadBefore = loadavg()[0];
  const stack = await startBenchStack(options, log);
  try {
    const tag = randomUUID().slice(0, 8);
    const today = localDateOf(new Date().toISOString(), TIME_ZONE);
    const retries: Record<Kind, Retries> = {
      lifecycles: new Retries(),
      trivial: new Retries(),
      'trivial+activity': new Retries(),
    };
    const drive: Record<Kind, (id: string) => Promise<void>> = {
      lifecycles: lifecycleDriver(stack.client, today, tag, retries.lifecycles),
      trivial: trivialDriver(stack.client, false, retries.trivial),
      'trivial+activity': trivialDriver(stack.client, true, retries['trivial+activity']),
    };
    const kinds: Kind[] = options.activityProbe
      ? ['lifecycles', 'trivial', 'trivial+activity']
      : ['lifecycles', 'trivial'];
    const ids: Record<Kind, string[]> = { lifecycles: [], trivial: [], 'trivial+activity': [] };
    let serial = 0;
    const phase = async (kind: Kind, count: number, onDone?: () => void): Promise<number> => {
      const batch = Array.from({ length: count }, () => `bench-${tag}-${kind}-${++serial}`);
      ids[kind].push(...batch);
      const start = process.hrtime.bigint();
      await Promise.race([
        runPool(count, options.concurrency, (i) => drive[kind](batch[i]), onDone),
        stack.workersFailed,
      ]);
      return Number(process.hrtime.bigint() - start) / 1e9;
    };

    log(`разогрев: по ${WARM_UP} каждого вида, вне замера`);
    for (const kind of kinds) await phase(kind, WARM_UP);

    const totals = Object.fromEntries(
      kinds.map((k) => [k, { count: 0, events: 0, seconds: 0, cpu: { server: 0, self: 0 } }]),
    ) as Record<Kind, KindTotals>;
    const tick = progress('процедур пройдено', options.n * kinds.length);
    for (let round = 0; round < options.rounds; round++) {
      const count =
        Math.floor((options.n * (round + 1)) / options.rounds) -
        Math.floor((options.n * round) / options.rounds);
      const order = round % 2 === 0 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        const [before, headBefore] = [cpuSample(stack.temporalPid), await stack.store.headPosition()];
        const seconds = await phase(kind, count, tick);
        const used = cpuSince(before, cpuSample(stack.temporalPid));
        const t = totals[kind];
        t.count += count;
        t.events += (await stack.store.headPosition()) - headBefore;
        t.seconds += seconds;
        t.cpu = { server: t.cpu.server + used.server, self: t.cpu.self + used.self };
      }
    }

    log('проверка: статусы workflow, потоки событий, позиция журнала…');
    const head = await verifyRun(stack.client, stack.store, ids.lifecycles, [
      ...ids.trivial,
      ...ids['trivial+activity'],
    ]);
    const wall = Number(process.hrtime.bigint() - wallStart) / 1e9;

    const rate = (kind: Kind) => totals[kind].count / totals[kind].seconds;
    const lifecycles = rate('lifecycles');
    const trivial = rate('trivial');
    const line = (text: string) => process.stdout.write(text + '\n');
    line(
      `workflows: N=${options.n} procedures of ${COMMANDS_PER_LIFECYCLE} commands and ${EVENT_TYPES.length} events, ` +
        `${options.concurrency} in flight, ${options.rounds} interleaved rounds, event store synchronous=${options.durability.toUpperCase()}, ` +
        `files in ${options.dir ?? tmpdir()}, Temporal SQLite pragmas: ${options.temporalPragmas.join(' ') || 'defaults'}; ` +
        `log head ${head} (every procedure closed with its ${EVENT_TYPES.length} events)`,
    );
    line(
      `info wall time ${wall.toFixed(1)} s in all (start, bundling, warm-up, verification included); measured phases: ` +
        kinds.map((k) => `${k} ${totals[k].seconds.toFixed(1)} s`).join(', '),
    );
    line(
      `info load average (1 min, all the machine's work) ${loadBefore.toFixed(1)} at start, ` +
        `${loadavg()[0].toFixed(1)} at end, on ${cpus().length} cores`,
    );
    for (const kind of kinds) line(kindLine(kind, totals[kind], COMMANDS_PER_LIFECYCLE, cpus().length));
    line(
      `info update calls timed out by the server and sent again (warm-up included): ` +
        kinds.map((k) => `${k} ${retries[k].count}`).join(', '),
    );
    line(benchLine('workflows.lifecycles', 'procedures/s', lifecycles, trivial));
    line(
      benchLine(
        'workflows.events',
        'events/s',
        totals.lifecycles.events / totals.lifecycles.seconds,
        trivial * COMMANDS_PER_LIFECYCLE,
      ),
    );
  } finally {
    await stack.stop();
  }
}
