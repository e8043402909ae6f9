import { DIRECTIONS } from '@vsoko/domain';
import {
  DISTRICT_KPI_COLLECTION,
  DISTRICT_KPIS,
  districtKpis,
  emptyCounts,
  count,
  sharesOf,
  KPI_CATEGORIES,
  SqliteReadStore,
  type KpiCounts,
  type KpiEntry,
  type ProjectedDocument,
} from '@vsoko/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OLD = 'kpis_districts_old';

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/**
 * `npm run bench -- kpis-answer [--schools 1000] [--samples 400]` (issue 18): the cost of the inspector's `GET
 * /kpis?districtId=…&groupBy=school` body at N schools × 150 decisions, on one SQLite file, as the API builds it
 * now (the district year's stored groups: one read, the school list parsed, the groups handed on as text;
 * `districtKpis`) beside the previous layout's way (`baseline`: the document with a line of counts per school
 * parsed, checked, grouped, given shares, sorted and stringified). Both answers are checked equal first.
 * The documents are built through the roll-up's own `apply`, not from a log: the figure is the read's.
 */
export async function run(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const N = option('schools', 1000);
  const SAMPLES = option('samples', 400);
  const dir = mkdtempSync(join(tmpdir(), 'kpis-probe-'));
  const store = new SqliteReadStore(join(dir, 'p.sqlite'));
  await store.prepare([
    { collection: DISTRICT_KPI_COLLECTION, indexes: DISTRICT_KPIS.indexes },
    { collection: OLD, indexes: DISTRICT_KPIS.indexes },
  ] as never);
  let doc: ProjectedDocument | null = null;
  // The previous layout: counts per school, direction, month in order of first appearance.
  const old = {
    _id: 'd1:2023/24',
    _position: 1,
    districtId: 'd1',
    academicYear: '2023/24',
    counts: emptyCounts(),
    byDirection: [] as { direction: string; counts: KpiCounts }[],
    bySchool: [] as { schoolId: string; counts: KpiCounts }[],
    byMonth: [] as { month: string; counts: KpiCounts }[],
  };
  const find = <T extends { counts: KpiCounts }>(list: T[], f: keyof T, k: string) => {
    let g = list.find((x) => x[f] === k);
    if (!g) list.push((g = { [f]: k, counts: emptyCounts() } as unknown as T));
    return g;
  };
  for (let s = 1; s <= N; s++)
    for (let d = 0; d < 150; d++) {
      const e: KpiEntry = {
        id: 'd1:2023/24',
        category: KPI_CATEGORIES[(s * 7 + d) % 5],
        direction: DIRECTIONS[d % DIRECTIONS.length],
        schoolId: `school-${String(s).padStart(4, '0')}`,
        districtId: 'd1',
        academicYear: '2023/24',
        responsibleKey: 'r',
        responsibleName: 'r',
        month: `2024-${String((d % 10) + 1).padStart(2, '0')}`,
      };
      doc = DISTRICT_KPIS.apply(doc, e, 1);
      count(old.counts, e.category, 1);
      count(find(old.bySchool, 'schoolId', e.schoolId).counts, e.category, 1);
      count(find(old.byDirection, 'direction', e.direction).counts, e.category, 1);
      count(find(old.byMonth, 'month', e.month).counts, e.category, 1);
    }
  doc!._position = 1;
  await store.write([
    { collection: DISTRICT_KPI_COLLECTION, put: [doc!], remove: [] },
    { collection: OLD, put: [old], remove: [] },
  ]);
  const where = { districtId: 'd1', academicYear: '2023/24' };
  const readable = new Set(Array.from({ length: N }, (_, i) => `school-${String(i + 1).padStart(4, '0')}`));
  const runs = {
    before: async () => {
      const docs = await store.find<typeof old>(OLD, { where });
      if (!docs.every((d) => d.bySchool.every((s) => readable.has(s.schoolId)))) throw new Error('x');
      const groups = new Map<string, KpiCounts>();
      for (const d of docs) for (const s of d.bySchool) groups.set(s.schoolId, s.counts);
      const list = [...groups.entries()]
        .map(([key, counts]) => ({ key, counts, shares: sharesOf(counts) }))
        .sort((a, b) => a.key.localeCompare(b.key));
      return Buffer.from(JSON.stringify({ groupBy: 'school', groups: list }));
    },
    after: async () => {
      const a = await districtKpis(store, where, 'school', (s) => readable.has(s));
      if (!a || !('json' in a)) throw new Error('no stored answer');
      return a.json;
    },
  };
  const [b, a] = [await runs.before(), await runs.after()];
  if (b.toString() !== a.toString()) throw new Error('kpis-answer: the two answers differ');
  process.stdout.write(
    `info ${N} schools: documents ${JSON.stringify(old).length} B (previous layout) and ${JSON.stringify(doc).length} B; answer ${a.length} B\n`,
  );
  // Interleaved rounds, so that a change of the machine's load falls on both ways alike.
  const wall = { before: [] as number[], after: [] as number[] };
  const cpu = { before: 0, after: 0 };
  for (let round = 0; round < 4; round++)
    for (const name of ['before', 'after'] as const) {
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < SAMPLES / 4; i++) {
        const t = process.hrtime.bigint();
        await runs[name]();
        wall[name].push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      const used = process.cpuUsage(cpu0);
      cpu[name] += (used.user + used.system) / 1000;
    }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const line = (figure: string, value: number, baseline: number) =>
    `BENCH kpis-answer.s${N}.${figure} value=${value.toFixed(3)} unit=ms baseline=${baseline.toFixed(3)} ratio=${(value / baseline).toFixed(2)}\n`;
  process.stdout.write(
    line('p50', pct(wall.after, 50), pct(wall.before, 50)) +
      line('p99', pct(wall.after, 99), pct(wall.before, 99)) +
      line('cpu', cpu.after / SAMPLES, cpu.before / SAMPLES),
  );
}
