import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Where a school's plan page spends its time, by layout of the procedures' table (issue 18; PERFORMANCE.md,
 * "A school's documents stored together"):
 *
 *   npm run bench -- page-cost --store <live.sqlite of a district run kept with --dir> [--copies 10] [--samples 300]
 *
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
