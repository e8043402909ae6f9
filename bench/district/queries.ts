import {
  evolve,
  initialState,
  procedureStreamName,
  type ProcedureEvent,
  type ProcedureState,
} from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import {
  districtKpis,
  groupKpis,
  KPI_COLLECTION,
  valueAt,
  type KpiSummary,
  type ReadStore,
  type Scalar,
  type Where,
} from '@vsoko/projections';
import { DISTRICT, schoolId } from './log';

export const YEAR = '2023/24';
const PAGE = 50;

/**
 * One dashboard or UI query, as the API makes it (same filters, sort, page, total; lists as the stored JSON text,
 * since the API hands it on), for a random school.
 */
export interface DashboardQuery {
  name: string;
  /**
   * What the client holds before it asks (the cursor a previous answer gave it), fetched before the clock
   * starts and handed to `run`.
   */
  before?(school: number, procedure: number): Promise<unknown>;
  run(school: number, procedure: number, given?: unknown): Promise<unknown>;
}

/** A list page as the API reads it (`ReadModelReader.page`): the documents' JSON text, the total. */
async function page(store: ReadStore, collection: string, where: Where, sort: Record<string, 1 | -1>) {
  const [items, total] = await Promise.all([
    store.findJson(collection, { where, sort, limit: PAGE }, ['schoolId', ...Object.keys(sort)]),
    store.count(collection, where),
  ]);
  return { items, total };
}

/** `schools`: how many the district holds, for the inspector's school list (the API's `withinSchools`). */
export function dashboardQueries(store: ReadStore, events: EventStore, schools: number): DashboardQuery[] {
  const inspectorSchools = new Set(Array.from({ length: schools }, (_, i) => schoolId(i + 1)));
  const planSort = { 'window.from': 1, _id: 1 } as const;
  return [
    {
      name: 'plan-page',
      run: (s) => page(store, 'procedures', { schoolId: schoolId(s), academicYear: YEAR }, planSort),
    },
    {
      name: 'decisions-board',
      run: (s) =>
        page(
          store,
          'decisions',
          { schoolId: schoolId(s), academicYear: YEAR, status: 'overdue' },
          { deadline: 1, _id: 1 },
        ),
    },
    {
      name: 'deadlines',
      run: (s) => page(store, 'calendar', { schoolId: schoolId(s), state: 'open' }, { date: 1, _id: 1 }),
    },
    {
      name: 'kpis-school',
      run: async (s) =>
        groupKpis(
          await store.find<KpiSummary>(KPI_COLLECTION, {
            where: { schoolId: schoolId(s), academicYear: YEAR },
          }),
          'school',
        ),
    },
    {
      // As the API answers an inspector (KpiSummaries.fromDistrictYears): the district year's schools checked
      // against the inspector's, then its groups by school handed on as the stored text; the response's body.
      name: 'kpis-district',
      run: async () => {
        const answer = await districtKpis(
          store,
          { districtId: DISTRICT, academicYear: YEAR },
          'school',
          (schoolId) => inspectorSchools.has(schoolId),
        );
        if (!answer) throw new Error('district KPIs: a school outside the inspector’s');
        return 'json' in answer ? answer.json : Buffer.from(JSON.stringify({ groupBy: 'school', ...answer }));
      },
    },
    {
      name: 'kpis-month',
      run: async (s) =>
        groupKpis(
          await store.find<KpiSummary>(KPI_COLLECTION, {
            where: { schoolId: schoolId(s), academicYear: YEAR },
          }),
          'month',
        ),
    },
    {
      // The next page of a school's plan by cursor, no total: the API's one read (`find … after`) for the
      // cursor the first page's answer gave the client (its last row's sort values), read before the clock.
      name: 'plan-next-page',
      before: async (s) => {
        const where = { schoolId: schoolId(s), academicYear: YEAR };
        const first = await store.find('procedures', { where, sort: planSort, limit: PAGE });
        const last = first[first.length - 1];
        return Object.keys(planSort).map((f) => valueAt(last, f));
      },
      run: (s, _, after) =>
        store.findJson(
          'procedures',
          {
            where: { schoolId: schoolId(s), academicYear: YEAR },
            sort: planSort,
            limit: PAGE,
            after: after as Scalar[],
          },
          ['schoolId', ...Object.keys(planSort)],
        ),
    },
    {
      name: 'audit-procedure',
      run: (s, p) => page(store, 'audit', { procedureId: `${schoolId(s)}-p${p}` }, { position: 1 }),
    },
    {
      name: 'as-of-procedure',
      run: async (s, p) => {
        const stream = await events.readStream(procedureStreamName(`${schoolId(s)}-p${p}`));
        const at = Date.parse('2024-03-01T00:00:00Z');
        return stream
          .filter((e) => Date.parse(e.metadata.occurredAt) <= at)
          .reduce<ProcedureState>((state, e) => evolve(state, e as unknown as ProcedureEvent), initialState);
      },
    },
  ];
}

export interface Latency {
  p50: number;
  p99: number;
}

/**
 * Milliseconds per call, `samples` calls on random schools and procedures (seeded, the same for every store);
 * `before` (untimed) gives each call what the client would hold when it asks.
 */
export async function latency(
  run: (school: number, procedure: number, given?: unknown) => Promise<unknown> | unknown,
  schools: number,
  perSchool: number,
  samples: number,
  before?: (school: number, procedure: number) => Promise<unknown>,
): Promise<Latency> {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return 1 + (seed % n);
  };
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const school = next(schools);
    const procedure = next(perSchool) - 1;
    const given = before ? await before(school, procedure) : undefined;
    const start = process.hrtime.bigint();
    await run(school, procedure, given);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p99: at(0.99) };
}
