import {
  evolve,
  initialState,
  procedureStreamName,
  type ProcedureEvent,
  type ProcedureState,
} from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { groupKpis, KPI_COLLECTION, type KpiSummary, type ReadStore, type Where } from '@vsoko/projections';
import { DISTRICT, schoolId } from './log';

export const YEAR = '2023/24';
const PAGE = 50;

/** One dashboard or UI query, as the API makes it (same filters, sort, page, total), for a random school. */
export interface DashboardQuery {
  name: string;
  run(school: number, procedure: number): Promise<unknown>;
}

async function page(store: ReadStore, collection: string, where: Where, sort: Record<string, 1 | -1>) {
  const [items, total] = await Promise.all([
    store.find(collection, { where, sort, limit: PAGE }),
    store.count(collection, where),
  ]);
  return { items, total };
}

/** `schools`: how many the district holds, for the inspector's school list (the API's `withinSchools`). */
export function dashboardQueries(store: ReadStore, events: EventStore, schools: number): DashboardQuery[] {
  const inspectorSchools = Array.from({ length: schools }, (_, i) => schoolId(i + 1));
  return [
    {
      name: 'plan-page',
      run: (s) =>
        page(
          store,
          'procedures',
          { schoolId: schoolId(s), academicYear: YEAR },
          { 'window.from': 1, _id: 1 },
        ),
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
      name: 'kpis-district',
      run: async () =>
        groupKpis(
          await store.find<KpiSummary>(KPI_COLLECTION, {
            where: { districtId: DISTRICT, academicYear: YEAR, schoolId: { $in: inspectorSchools } },
          }),
          'district',
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

/** Milliseconds per call, `samples` calls on random schools and procedures (seeded, the same for every store). */
export async function latency(
  run: (school: number, procedure: number) => Promise<unknown> | unknown,
  schools: number,
  perSchool: number,
  samples: number,
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
    const start = process.hrtime.bigint();
    await run(school, procedure);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p99: at(0.99) };
}
