import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ALL_COLLECTIONS, SqliteReadStore } from '@vsoko/projections';
import { MongoClient } from 'mongodb';
import { startFerretDb } from '../infra/dev-stack/ferretdb';
import { startPostgres } from '../infra/dev-stack/postgres';
import { mongoCandidate, sqliteCandidate, type Candidate } from './district/candidates';
import { districtLog, templateLives } from './district/log';
import { dashboardQueries, latency } from './district/queries';
import { measureStep, type StepFigures } from './district/step';

/**
 * A district's read side (issue 18): N schools × 150 procedure lives, measured at growing sizes, each figure
 * beside its baseline in the same run. See docs/PERFORMANCE.md ("District") for what each figure means.
 *
 *   npm run bench -- district [--schools 1000] [--steps 10,100,1000] [--per-school 150] [--tail 100000]
 *                             [--measure 10,100] [--samples 200] [--ferret none|sqlite,pg] [--ferret-max-schools 10]
 *                             [--ferret-tail 2000] [--ferret-samples 30] [--dir DIR]
 *                             [--cache DIR | --no-cache]
 *
 * The log is written once per set of parameters and kept in the cache (default ~/.cache/vsoko/bench-district):
 * later runs open it as it is. FerretDB is measured only when asked (`--ferret sqlite,pg`, at the steps up to
 * `--ferret-max-schools`): at 10 schools it already takes minutes per figure.
 */
const ROOT = resolve(__dirname, '..');

interface Options {
  schools: number;
  steps: number[];
  /** The steps measured (default all): `--steps 10,100 --measure 100` measures 100 on the 10 → 100 log. */
  measure: number[];
  perSchool: number;
  tail: number;
  ferretTail: number;
  samples: number;
  ferretSamples: number;
  ferret: string[];
  ferretMaxSchools: number;
  dir?: string;
  /** Where the log is kept between runs; null: written afresh into the run's directory. */
  cache: string | null;
  /** Only the queries, on this SQLite read store as it is (e.g. one a run kept with --dir), and the cached log. */
  store?: string;
}

function parse(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const schools = Number(value('schools') ?? process.env.BENCH_SCHOOLS ?? 1000);
  const steps = (
    value('steps') ??
    [10, 100, 1000]
      .filter((s) => s < schools)
      .concat(schools)
      .join(',')
  )
    .split(',')
    .map(Number)
    .filter((s) => s > 0 && s <= schools);
  const ferret = (value('ferret') ?? 'none').split(',').filter((f) => f === 'sqlite' || f === 'pg');
  const measure = (value('measure') ?? steps.join(',')).split(',').map(Number);
  return {
    schools,
    steps: [...new Set(steps)].sort((a, b) => a - b),
    measure: [...new Set(measure)].filter((s) => steps.includes(s)).sort((a, b) => a - b),
    perSchool: Number(value('per-school') ?? 150),
    tail: Number(value('tail') ?? 100_000),
    ferretTail: Number(value('ferret-tail') ?? 2_000),
    samples: Number(value('samples') ?? 200),
    ferretSamples: Number(value('ferret-samples') ?? 30),
    ferret,
    ferretMaxSchools: Number(value('ferret-max-schools') ?? 10),
    dir: value('dir'),
    cache: args.includes('--no-cache')
      ? null
      : resolve(value('cache') ?? join(homedir(), '.cache', 'vsoko', 'bench-district')),
    store: value('store'),
  };
}

export async function run(args: string[]): Promise<void> {
  const o = parse(args);
  const dir = o.dir ? resolve(o.dir) : mkdtempSync(join(tmpdir(), 'vsoko-bench-district-'));
  mkdirSync(dir, { recursive: true });
  const log = (m: string) => process.stdout.write(`info ${new Date().toISOString().slice(11, 19)} ${m}\n`);
  const t0 = Date.now();
  const results: StepFigures[] = [];
  const stops: (() => Promise<void>)[] = [];
  if (o.store) return queriesOnly(o, dir, log);
  log(`district: steps ${o.steps.join(' → ')} schools × ${o.perSchool} procedures, files in ${dir}`);
  const lives = await templateLives(dir, o.perSchool);
  log(
    `template school: ${lives.length} procedure lives, ${lives.flat().length} events, through the real decider`,
  );
  const started = Date.now();
  const district = await districtLog({
    cacheDir: o.cache,
    workDir: dir,
    lives,
    perSchool: o.perSchool,
    steps: o.steps,
    log,
  });
  const events = district.store;
  log(
    `log ready in ${((Date.now() - started) / 1000).toFixed(0)} s${district.cached ? ' (cached)' : ''}: ${district.path}`,
  );
  try {
    const ferrets = await startFerrets(o, dir, stops);
    for (const schools of o.measure) {
      const head = district.ends.get(schools)!;
      const candidates: [Candidate, number, number][] = [[sqliteCandidate(dir), o.tail, o.samples]];
      if (schools <= o.ferretMaxSchools)
        for (const f of ferrets) candidates.push([f, o.ferretTail, o.ferretSamples]);
      for (const [candidate, tail, samples] of candidates) {
        const figures = await measureStep(candidate, events, { ...o, schools, head, tail, samples, log });
        await candidate.close();
        results.push(figures);
        print(figures);
      }
    }
    printGrowth(results);
    log(
      `wall time ${((Date.now() - t0) / 1000).toFixed(0)} s; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    );
  } finally {
    await events.close();
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    if (!o.dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `--store PATH`: the dashboard queries and the raw `_id` lookups on an existing SQLite read store of `--schools`
 * schools (read only), with the cached log for the as-of query.
 */
async function queriesOnly(o: Options, dir: string, log: (m: string) => void): Promise<void> {
  const lives = await templateLives(dir, o.perSchool);
  const district = await districtLog({
    cacheDir: o.cache,
    workDir: dir,
    lives,
    perSchool: o.perSchool,
    steps: o.steps,
    log,
  });
  const db = new Database(resolve(o.store!), { readonly: true });
  const store = new SqliteReadStore(resolve(o.store!), ALL_COLLECTIONS, { readonly: true });
  try {
    const at = `district.sqlite.s${o.schools}.stored`;
    const byId = db.prepare(`SELECT doc FROM rm_procedures WHERE _id = ?`);
    const raw = await latency(
      (s, p) => {
        const row = byId.get(`school-${String(s).padStart(4, '0')}-p${p}`) as { doc: string } | undefined;
        return row ? JSON.parse(row.doc) : null;
      },
      o.schools,
      o.perSchool,
      o.samples,
    );
    const lines: string[] = [];
    for (const query of dashboardQueries(store, district.store, o.schools)) {
      const l = await latency(query.run, o.schools, o.perSchool, o.samples, query.before);
      log(`${query.name}: p50 ${l.p50.toFixed(3)} ms, p99 ${l.p99.toFixed(2)} ms`);
      lines.push(line(`${at}.${query.name}.p50`, 'ms', l.p50, raw.p50, raw.p50 / l.p50));
      lines.push(line(`${at}.${query.name}.p99`, 'ms', l.p99, raw.p99, raw.p99 / l.p99));
    }
    log(
      `raw _id: p50 ${raw.p50.toFixed(3)} ms, p99 ${raw.p99.toFixed(2)} ms; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    );
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await store.close();
    db.close();
    await district.store.close();
    if (!o.dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function startFerrets(o: Options, dir: string, stops: (() => Promise<void>)[]): Promise<Candidate[]> {
  if (o.ferret.length === 0 || o.steps[0] > o.ferretMaxSchools) return [];
  const binary = join(ROOT, '.vsoko', 'bin', 'ferretdb');
  if (!existsSync(binary))
    execFileSync(process.execPath, [join(ROOT, 'infra/scripts/build-binaries.js')], { stdio: 'inherit' });
  const candidates: Candidate[] = [];
  if (o.ferret.includes('sqlite')) {
    const ferretDir = join(dir, 'ferret-sqlite');
    mkdirSync(ferretDir, { recursive: true });
    const ferret = await startFerretDb(binary, ferretDir, ferretDir);
    const client = await MongoClient.connect(ferret.url);
    stops.push(async () => {
      await client.close();
      await ferret.process.stop();
    });
    candidates.push(mongoCandidate('ferretdb-sqlite', client, () => [ferret.process.child.pid ?? 0]));
  }
  if (o.ferret.includes('pg')) {
    const pgDir = join(dir, 'ferret-pg');
    mkdirSync(pgDir, { recursive: true });
    const pg = await startPostgres(pgDir, pgDir);
    stops.push(() => pg.process.stop());
    pg.ensureDatabase('ferretdb');
    const ferret = await startFerretDb(binary, pgDir, pgDir, { postgresqlUrl: pg.url('ferretdb') });
    const client = await MongoClient.connect(ferret.url);
    stops.push(async () => {
      await client.close();
      await ferret.process.stop();
    });
    candidates.push(
      mongoCandidate('ferretdb-pg', client, () => [
        ferret.process.child.pid ?? 0,
        ...tree(pg.process.child.pid ?? 0),
      ]),
    );
  }
  return candidates;
}

/** A process and its descendants (PostgreSQL serves each connection from a child of the postmaster). */
function tree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      continue;
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parents) if (ppid === out[i]) out.push(pid);
  return out;
}

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
const fixed = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

function line(name: string, unit: string, value: number, baseline: number, ratio = value / baseline): string {
  return `BENCH ${name} value=${fixed(value)} unit=${unit} baseline=${fixed(baseline)} ratio=${ratio.toFixed(2)}`;
}

function print(f: StepFigures): void {
  const at = `district.${f.candidate}.s${f.schools}`;
  const out: string[] = [
    `info ${f.candidate} at ${f.schools} schools: ${f.events} events; documents ${Object.entries(f.documents)
      .map(([c, n]) => `${c}=${n}`)
      .join(
        ' ',
      )}; rebuild ${f.rebuild.seconds.toFixed(1)} s for ${f.rebuild.events} events; live ${f.live.events} events in ${f.live.batches} batches`,
    `info memory: this process RSS ${mb(f.memory.processRss)} (heap ${mb(f.memory.heapUsed)}), server processes RSS ${mb(f.memory.serverRss)}`,
    `info CPU of this process: rebuild ${f.rebuild.cpu.toFixed(1)} s (raw ${f.rebuild.rawCpu.toFixed(1)} s, ratio ${(f.rebuild.rawCpu / f.rebuild.cpu).toFixed(2)}), live ${f.live.cpu.toFixed(1)} s (raw ${f.live.rawCpu.toFixed(1)} s, ratio ${(f.live.rawCpu / f.live.cpu).toFixed(2)}); wall: rebuild ${f.rebuild.seconds.toFixed(1)} s, live ${(f.live.events / f.live.rate).toFixed(1)} s`,
    line(`${at}.rebuild`, 'events/s', f.rebuild.rate, f.rebuild.raw),
    line(`${at}.live`, 'events/s', f.live.rate, f.live.raw),
  ];
  // Latency: lower is better, so the ratio is baseline ÷ value like the rates (1 = as fast as a raw lookup).
  for (const [name, l] of Object.entries(f.queries)) {
    out.push(line(`${at}.${name}.p50`, 'ms', l.p50, f.rawById.p50, f.rawById.p50 / l.p50));
    out.push(line(`${at}.${name}.p99`, 'ms', l.p99, f.rawById.p99, f.rawById.p99 / l.p99));
  }
  process.stdout.write(out.join('\n') + '\n');
}

function printGrowth(results: StepFigures[]): void {
  const sizes = [...new Set(results.map((r) => r.schools))];
  const candidates = [...new Set(results.map((r) => r.candidate))];
  const rows: string[] = [`growth (schools → ${sizes.join(' → ')}):`];
  for (const c of candidates) {
    const of = (fn: (f: StepFigures) => string) =>
      sizes
        .map((s) => results.find((r) => r.candidate === c && r.schools === s))
        .map((r) => (r ? fn(r) : '—'))
        .join(' → ');
    rows.push(`  ${c} events: ${of((r) => String(r.events))}`);
    rows.push(`  ${c} rebuild events/s: ${of((r) => fixed(r.rebuild.rate))}`);
    rows.push(`  ${c} live events/s: ${of((r) => fixed(r.live.rate))}`);
    for (const q of Object.keys(results[0].queries))
      rows.push(`  ${c} ${q} p99 ms: ${of((r) => fixed(r.queries[q].p99))}`);
    rows.push(`  ${c} raw _id p99 ms: ${of((r) => fixed(r.rawById.p99))}`);
    rows.push(
      `  ${c} RSS this process / servers: ${of((r) => `${mb(r.memory.processRss)}/${mb(r.memory.serverRss)}`)}`,
    );
  }
  process.stdout.write(rows.map((r) => `info ${r}`).join('\n') + '\n');
}
