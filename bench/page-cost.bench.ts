import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import 'reflect-metadata';
import Database from 'better-sqlite3';
import {
  ALL_COLLECTIONS,
  SqliteReadStore,
  valueAt,
  type ProjectedDocument,
  type ReadStore,
} from '@vsoko/projections';
import { ReadModelReader } from '../services/api/src/read-models/read-model-reader';
import type { ProjectionWaiter } from '../services/api/src/read-models/projection-waiter';
import type { PageQueryDto } from '../services/api/src/read-models/page-query.dto';

/**
 * Where a school's plan page spends its time (issue 18; PERFORMANCE.md, "A school's documents stored together" and
 * "Pages answered as the store's JSON text"):
 *
 *   npm run bench -- page-cost --store <live.sqlite of a district run kept with --dir> [--copies 10] [--samples 300]
 *                              [--only api|layouts]
 *
 * `api`: on the store as it is, the response body of each hot list as the API built it before (the documents
 * parsed into objects, the page stringified by the response) and as it builds it now (`ReadModelReader.page`: the
 * store's JSON text spliced into the answer), for the same random school in turn; wall time p50/p99 and CPU time
 * per call. `layouts`:
 * The store's procedures are copied `copies` times under new school ids into two procedures-only files, each
 * written as a rebuild writes it (every school's copy of a procedure in turn, the log's order, twice): the layout
 * before (`_id` key, 4 KiB pages, an expression index by school, year and window) and now (clustered by school,
 * year and window, 16 KiB pages, the narrow index for counts). Then, for the same random schools on each file in
 * turn: the rows alone, the plan page as the API reads it (50 documents parsed, and the total), the same page
 * handed on as JSON text (the documents' bytes, never parsed), the page after it by cursor, and a raw `_id`
 * lookup; wall time p50/p99 and CPU time per call.
 */
export async function run(args: string[]): Promise<void> {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const source = value('store');
  if (!source) throw new Error('page-cost: --store <live.sqlite> is required');
  const copies = Number(value('copies') ?? 10);
  const samples = Number(value('samples') ?? 300);
  const only = value('only');
  if (only !== 'layouts') await apiBodies(resolve(source), samples);
  if (only === 'api') return;
  const dir = mkdtempSync(join(tmpdir(), 'vsoko-bench-page-cost-'));
  try {
    const docs = (
      new Database(resolve(source), { readonly: true }).prepare(`SELECT doc FROM rm_procedures`).all() as {
        doc: string;
      }[]
    ).map((r) => r.doc);
    const schools = new Set(docs.map((d) => (JSON.parse(d) as { schoolId: string }).schoolId)).size * copies;
    const files = {
      before: write(join(dir, 'before.sqlite'), docs, copies, false),
      now: write(join(dir, 'now.sqlite'), docs, copies, true),
    };
    const stats = new Map<string, { wall: number[]; cpu: number }>();
    let seed = 11;
    for (let i = 0; i < samples; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const school = `school-${String(1 + (seed % schools)).padStart(4, '0')}`;
      for (const [layout, ops] of Object.entries(files)) {
        const cursor = ops.cursor(school);
        for (const [name, op] of Object.entries(ops.calls)) {
          const cpu = process.cpuUsage();
          const start = process.hrtime.bigint();
          op(school, cursor);
          const wall = Number(process.hrtime.bigint() - start) / 1e6;
          const used = process.cpuUsage(cpu);
          const s = stats.get(`${layout} ${name}`) ?? { wall: [], cpu: 0 };
          s.wall.push(wall);
          s.cpu += (used.user + used.system) / 1000;
          stats.set(`${layout} ${name}`, s);
        }
      }
    }
    process.stdout.write(
      `info ${docs.length * copies} procedures of ${schools} schools, ${samples} samples\n`,
    );
    for (const [key, { wall, cpu }] of stats) {
      wall.sort((a, b) => a - b);
      const at = (q: number) => wall[Math.min(wall.length - 1, Math.ceil(q * wall.length) - 1)];
      process.stdout.write(
        `info ${key}: p50 ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(2)} ms, CPU ${(cpu / wall.length).toFixed(3)} ms a call\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Call = (school: string, cursor: [string, string]) => unknown;

const YEAR = '2023/24';

/**
 * The hot lists' response bodies, before and now, on the store as it is: the same school asked of both in turn,
 * so that the machine's load falls on both alike.
 */
async function apiBodies(path: string, samples: number): Promise<void> {
  const store = new SqliteReadStore(path, ALL_COLLECTIONS, { readonly: true });
  const reader = new ReadModelReader(store, {} as ProjectionWaiter);
  const db = new Database(path, { readonly: true });
  const schools = (
    db.prepare(`SELECT DISTINCT "key:schoolId" AS s FROM rm_procedures`).all() as { s: string }[]
  ).map((r) => r.s);
  db.close();
  const query = (over: Partial<PageQueryDto> = {}) =>
    ({ page: 1, pageSize: 50, timeoutMs: 0, ...over }) as PageQueryDto;
  const lists: Record<
    string,
    { collection: string; where: (s: string) => Record<string, string>; sort: Record<string, 1> }
  > = {
    'plan page': {
      collection: 'procedures',
      where: (s) => ({ schoolId: s, academicYear: YEAR }),
      sort: { 'window.from': 1, _id: 1 },
    },
    'decisions board': {
      collection: 'decisions',
      where: (s) => ({ schoolId: s, academicYear: YEAR, status: 'overdue' }),
      sort: { deadline: 1, _id: 1 },
    },
    'deadlines (overdue)': {
      collection: 'calendar',
      where: (s) => ({ schoolId: s, state: 'overdue' }),
      sort: { date: 1, _id: 1 },
    },
  };
  // Before, the response's `res.json` stringified the page and encoded the string as UTF-8: both are timed.
  const calls: Record<string, (school: string, cursor: string) => Promise<Buffer>> = {};
  for (const [name, list] of Object.entries(lists)) {
    calls[`${name}, before (objects, stringified)`] = async (s) =>
      Buffer.from(JSON.stringify(await objectPage(store, list.collection, list.where(s), list.sort)));
    calls[`${name}, now (JSON text)`] = async (s) =>
      (await reader.page(list.collection, list.where(s), list.sort, query())).body();
  }
  const plan = lists['plan page'];
  calls['plan next page by cursor, before (objects, stringified)'] = async (s, cursor) =>
    Buffer.from(JSON.stringify(await objectPage(store, plan.collection, plan.where(s), plan.sort, cursor)));
  calls['plan next page by cursor, now (JSON text)'] = async (s, cursor) =>
    (await reader.page(plan.collection, plan.where(s), plan.sort, query({ cursor }))).body();
  const stats = new Map<string, { wall: number[]; cpu: number; bytes: number }>();
  let seed = 7;
  for (let i = 0; i < samples; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const school = schools[seed % schools.length];
    const first =
      (await reader.page(plan.collection, plan.where(school), plan.sort, query())).rest.nextCursor ?? '';
    for (const [name, call] of Object.entries(calls)) {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const body = await call(school, first);
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      const used = process.cpuUsage(cpu);
      const s = stats.get(name) ?? { wall: [], cpu: 0, bytes: 0 };
      s.wall.push(wall);
      s.cpu += (used.user + used.system) / 1000;
      s.bytes += Buffer.byteLength(body);
      stats.set(name, s);
    }
  }
  await store.close();
  process.stdout.write(`info API bodies: ${schools.length} schools, ${samples} samples, ${path}\n`);
  for (const [name, { wall, cpu, bytes }] of stats) {
    wall.sort((a, b) => a - b);
    const at = (q: number) => wall[Math.min(wall.length - 1, Math.ceil(q * wall.length) - 1)];
    process.stdout.write(
      `info ${name}: p50 ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(2)} ms, CPU ${(cpu / wall.length).toFixed(3)} ms a call, ${Math.round(bytes / wall.length / 1024)} KB\n`,
    );
  }
}

/**
 * A page as the API answered it before the JSON text was handed on: the documents parsed (`find`), the total
 * counted, the next page's cursor from the last document (the response then stringified the whole page).
 */
async function objectPage(
  store: ReadStore,
  collection: string,
  where: Record<string, string>,
  sort: Record<string, 1>,
  cursor?: string,
) {
  const after = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as string[]) : undefined;
  const [items, total] = await Promise.all([
    store.find<ProjectedDocument>(collection, { where, sort, limit: 50, ...(after ? { after } : {}) }),
    after ? Promise.resolve(undefined) : store.count(collection, where),
  ]);
  const last = items.at(-1);
  const nextCursor =
    items.length < 50 || !last
      ? null
      : Buffer.from(JSON.stringify(Object.keys(sort).map((f) => valueAt(last, f)))).toString('base64url');
  return after ? { items, pageSize: 50, nextCursor } : { items, page: 1, pageSize: 50, total, nextCursor };
}

function write(path: string, docs: readonly string[], copies: number, clustered: boolean) {
  const db = new Database(path);
  db.pragma(`page_size = ${clustered ? 16_384 : 4_096}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const k = (f: string) => (clustered ? `"key:${f}"` : `json_extract(doc, '$.${f}')`);
  if (clustered) {
    db.exec(
      `CREATE TABLE rm_procedures ("key:schoolId", "key:academicYear", "key:window.from", _id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY ("key:schoolId", "key:academicYear", "key:window.from", _id)) WITHOUT ROWID`,
    );
    db.exec(`CREATE UNIQUE INDEX rm_procedures___id ON rm_procedures (_id)`);
  } else db.exec(`CREATE TABLE rm_procedures (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
  db.exec(
    `CREATE INDEX rm_procedures__school_year_window ON rm_procedures (${k('schoolId')}, ${k('academicYear')}, ${k('window.from')}${clustered ? '' : ', _id'})`,
  );
  const put = clustered
    ? db.prepare(`INSERT OR REPLACE INTO rm_procedures VALUES (?, ?, ?, ?, ?)`)
    : db.prepare(
        `INSERT INTO rm_procedures (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`,
      );
  type Doc = { _id: string; schoolId: string; academicYear: string; window: { from: string } };
  const parsed = docs.map((d) => JSON.parse(d) as Doc);
  const order = parsed
    .map((d, i) => ({ n: Number(d._id.split('-p')[1]), school: d.schoolId, i }))
    .sort((a, b) => a.n - b.n || (a.school < b.school ? -1 : 1));
  const schools = new Set(parsed.map((d) => d.schoolId)).size;
  for (let pass = 0; pass < 2; pass++)
    db.transaction(() => {
      for (const { i } of order)
        for (let c = 0; c < copies; c++) {
          const d = parsed[i];
          const school = `school-${String(Number(d.schoolId.slice(7)) + c * schools).padStart(4, '0')}`;
          const id = d._id.replace(d.schoolId, school);
          const text = docs[i].replaceAll(d.schoolId, school);
          if (clustered) put.run(school, d.academicYear, d.window.from, id, text);
          else put.run(id, text);
        }
    })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const where = `${k('schoolId')} = ? AND ${k('academicYear')} = '2023/24'`;
  const order50 = `ORDER BY ${k('window.from')}, _id LIMIT 50`;
  const rows = db.prepare(`SELECT length(doc) FROM rm_procedures WHERE ${where} ${order50}`);
  const page = db.prepare(`SELECT doc FROM rm_procedures WHERE ${where} ${order50}`);
  const text = db.prepare(`SELECT CAST(doc AS BLOB) AS doc FROM rm_procedures WHERE ${where} ${order50}`);
  const count = db.prepare(`SELECT count(*) AS n FROM rm_procedures WHERE ${where}`);
  const w = k('window.from');
  const next = db.prepare(
    `SELECT doc FROM rm_procedures WHERE ${where} AND ${w} >= ? AND ((${w} > ?) OR (${w} = ? AND _id > ?)) ${order50}`,
  );
  const byId = db.prepare(`SELECT doc FROM rm_procedures WHERE _id = ?`);
  const parse = (r: unknown) => JSON.parse((r as { doc: string }).doc) as Doc;
  const calls: Record<string, Call> = {
    'rows alone': (s) => rows.all(s),
    'plan page (objects, total)': (s) => [page.all(s).map(parse), count.get(s)],
    'plan page as JSON text': (s) => {
      const parts: Buffer[] = [Buffer.from('{"items":[')];
      (text.all(s) as { doc: Buffer }[]).forEach((r, i) => parts.push(Buffer.from(i ? ',' : ''), r.doc));
      parts.push(Buffer.from(`],"total":${(count.get(s) as { n: number }).n}}`));
      return Buffer.concat(parts);
    },
    'next page by cursor': (s, [from, id]) => next.all(s, from, from, from, id).map(parse),
    'raw _id': (s) => parse(byId.get(`${s}-p7`)),
  };
  return {
    calls,
    cursor: (s: string): [string, string] => {
      const last = page.all(s).map(parse).at(-1)!;
      return [last.window.from, last._id];
    },
  };
}
