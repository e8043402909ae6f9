import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  ALL_PROJECTIONS,
  collectionsOf,
  Projector,
  removeStoreFiles,
  SqliteReadStore,
  type AnyProjection,
} from '@vsoko/projections';
import { BATCH_SIZE } from '../services/projector/src/run-projector';
import { REBUILD_PAGE } from '../services/projector/src/rebuild-read-models';
import { readRange } from './district/candidates';
import { districtLog, templateLives } from './district/log';

/**
 * The live projector's write rate by layout of the procedures' table (issue 18, PERFORMANCE.md "The live
 * projector by layout"): the same last `tail` events of the district log applied in the live projector's batches
 * to two copies of the same read models — `clustered` (the procedures keyed by school, year, window and `_id`,
 * WITHOUT ROWID, 16 KiB pages: the layout since 9b288ee) and `plain` (keyed by `_id`, an expression index by
 * school, year and window, 4 KiB pages: the layout before) — in interleaved rounds (A B, B A, …), so that the
 * machine's load falls on both alike.
 *
 *   npm run bench -- live-layout [--schools 100] [--tail 20000] [--rounds 4] [--dir DIR]
 *   npm run bench -- live-layout --prepare DIR           the two stores before the tail, kept in DIR
 *   npm run bench -- live-layout --from DIR [--rounds 4]  the rounds on the stores kept in DIR
 *   npm run bench -- live-layout --from DIR --layout clustered|plain   one round of one layout (a whole-process
 *                                                       timing of each command side by side)
 *
 * Each store holds the read models of the log up to its last `tail` events, written by the projector in pages
 * of REBUILD_PAGE events with the secondary indexes built at the end, as a rebuild writes them; each round
 * applies the tail to a fresh copy of it.
 */
type Layout = 'clustered' | 'plain';
const LAYOUTS: readonly Layout[] = ['clustered', 'plain'];

/** The read models as each layout declares them: `plain` is the procedures without their clustering index. */
function projectionsOf(layout: Layout): AnyProjection[] {
  return ALL_PROJECTIONS.map((p) => (layout === 'plain' && p.cluster ? { ...p, cluster: undefined } : p));
}

const PAGE_SIZES: Record<Layout, number> = { clustered: 16_384, plain: 4_096 };

export async function run(args: string[]): Promise<void> {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const schools = Number(value('schools') ?? 100);
  const tail = Number(value('tail') ?? 20_000);
  const rounds = Number(value('rounds') ?? 4);
  const from = value('from');
  const log = (m: string) => process.stdout.write(`info ${new Date().toISOString().slice(11, 19)} ${m}\n`);
  const layout = value('layout') as Layout | undefined;
  if (from && layout) {
    if (!LAYOUTS.includes(layout)) throw new Error('live-layout: --layout clustered|plain');
    const meta = JSON.parse(readFileSync(join(from, 'meta.json'), 'utf8')) as Meta;
    const events = await openLog(meta.schools, from, log);
    try {
      const batches = await readRange(events.store, meta.until, meta.tail, BATCH_SIZE);
      const r = await round(from, layout, batches, `${process.pid}`);
      report(layout, [r], meta.tail);
    } finally {
      await events.store.close();
    }
    return;
  }
  const keep = from ?? value('prepare') ?? value('dir');
  const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'vsoko-bench-live-layout-'));
  mkdirSync(dir, { recursive: true });
  const events = await openLog(
    from ? (JSON.parse(readFileSync(join(from, 'meta.json'), 'utf8')) as Meta).schools : schools,
    dir,
    log,
  );
  try {
    let meta: Meta;
    if (from) meta = JSON.parse(readFileSync(join(from, 'meta.json'), 'utf8')) as Meta;
    else {
      const head = events.ends.get(schools)!;
      const until = head - Math.min(tail, Math.floor(head / 2));
      meta = { schools, until, tail: head - until };
      for (const l of LAYOUTS) {
        log(`${l}: the read models of the first ${until} events…`);
        await prepareBase(dir, l, events.store, until);
      }
      writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
      if (value('prepare')) return;
    }
    const { until } = meta;
    const batches = await readRange(events.store, until, meta.tail, BATCH_SIZE);
    const results: Record<Layout, Round[]> = { clustered: [], plain: [] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? LAYOUTS : [...LAYOUTS].reverse();
      for (const layout of order) {
        const result = await round(dir, layout, batches, `r${r}`);
        results[layout].push(result);
        log(
          `round ${r + 1} ${layout}: ${(meta.tail / result.wall).toFixed(0)} events/s, CPU ${result.cpu.toFixed(2)} s, wall ${result.wall.toFixed(2)} s; load ${loadAverage()}`,
        );
      }
    }
    for (const l of LAYOUTS) report(l, results[l], meta.tail);
    const rate = (l: Layout) => median(results[l].map((x) => meta.tail / x.wall));
    const cpu = (l: Layout) => median(results[l].map((x) => x.cpu));
    const pairs = results.clustered.map((c, i) => results.plain[i].wall / c.wall);
    log(
      `clustered ÷ plain, rate by round: ${pairs.map((p) => p.toFixed(2)).join(', ')}; CPU of plain ÷ clustered by round: ${results.clustered.map((c, i) => (results.plain[i].cpu / c.cpu).toFixed(2)).join(', ')}`,
    );
    process.stdout.write(
      `BENCH live-layout.s${schools}.clustered.live value=${rate('clustered').toFixed(0)} unit=events/s baseline=${rate('plain').toFixed(0)} ratio=${median(pairs).toFixed(2)}\n` +
        `BENCH live-layout.s${schools}.clustered.cpu value=${cpu('clustered').toFixed(2)} unit=s baseline=${cpu('plain').toFixed(2)} ratio=${(cpu('clustered') / cpu('plain')).toFixed(2)}\n`,
    );
  } finally {
    await events.store.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

interface Meta {
  schools: number;
  until: number;
  tail: number;
}

interface Round {
  wall: number;
  cpu: number;
  bytes: number;
}

async function openLog(schools: number, dir: string, log: (m: string) => void) {
  const lives = await templateLives(dir, 150);
  return districtLog({
    cacheDir: join(homedir(), '.cache', 'vsoko', 'bench-district'),
    workDir: dir,
    lives,
    perSchool: 150,
    steps: schools > 10 ? [10, schools] : [schools],
    log,
  });
}

/** The read models of the log up to `until` in `layout`, as a rebuild writes them: pages, indexes at the end. */
async function prepareBase(
  dir: string,
  layout: Layout,
  events: Parameters<typeof readRange>[0],
  until: number,
): Promise<void> {
  const path = join(dir, `base-${layout}.sqlite`);
  removeStoreFiles(path);
  // The page size is fixed when the file's first table is written: the store's own pragma then changes nothing.
  const db = new Database(path);
  db.pragma(`page_size = ${PAGE_SIZES[layout]}`);
  db.pragma('journal_mode = WAL');
  db.exec(
    `CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL, version INTEGER, updatedAt TEXT NOT NULL)`,
  );
  db.close();
  const projections = projectionsOf(layout);
  const store = new SqliteReadStore(path, projections.flatMap(collectionsOf));
  const projector = new Projector(store, projections);
  await projector.prepare();
  await projector.dropIndexes();
  for (let position = 0; position < until;) {
    const page = await events.readAll({
      afterPosition: position,
      maxCount: Math.min(REBUILD_PAGE, until - position),
    });
    if (page.length === 0) break;
    await projector.apply(page);
    position = page[page.length - 1].position;
  }
  await projector.prepare();
  await store.close();
  const check = new Database(path, { readonly: true });
  const size = check.pragma('page_size', { simple: true }) as number;
  const table = (
    check.prepare(`SELECT sql FROM sqlite_master WHERE name = 'rm_procedures'`).get() as { sql: string }
  ).sql;
  check.close();
  if (size !== PAGE_SIZES[layout] || table.includes('WITHOUT ROWID') !== (layout === 'clustered'))
    throw new Error(`live-layout: ${path} is not the ${layout} layout (${size}, ${table})`);
}

/** One round: the tail applied by the live projector to a fresh copy of the layout's store. */
async function round(
  dir: string,
  layout: Layout,
  batches: Awaited<ReturnType<typeof readRange>>,
  label: string,
): Promise<Round> {
  const path = join(dir, `round-${layout}-${label}.sqlite`);
  removeStoreFiles(path);
  copyFileSync(join(dir, `base-${layout}.sqlite`), path);
  const projections = projectionsOf(layout);
  const store = new SqliteReadStore(path, projections.flatMap(collectionsOf));
  const projector = new Projector(store, projections);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const batch of batches) await projector.apply(batch);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const bytes = store.bytes();
  await store.close();
  removeStoreFiles(path);
  return { wall, cpu: (used.user + used.system) / 1e6, bytes };
}

function report(layout: Layout, rounds: Round[], events: number): void {
  process.stdout.write(
    `info ${layout}: ${rounds.length} rounds of ${events} events; events/s ${rounds.map((r) => (events / r.wall).toFixed(0)).join(', ')} (median ${median(rounds.map((r) => events / r.wall)).toFixed(0)}); CPU s ${rounds.map((r) => r.cpu.toFixed(2)).join(', ')} (median ${median(rounds.map((r) => r.cpu)).toFixed(2)}); file ${(rounds[0].bytes / 1_048_576).toFixed(0)} MB\n`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
