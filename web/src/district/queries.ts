import { unwrap, type Api } from '../api/client';
import type { KpiGroup, Page } from '../api/queries';
import type { ProcedureDocument } from '../api/domain';
import type { Effectiveness, PlanProgress } from './district-model';

export interface DistrictSchools {
  districtId: string;
  name: string | null;
  schools: { schoolId: string; name: string }[];
}

export function districtSchools(api: Api, districtId: string): Promise<DistrictSchools> {
  return unwrap(api.GET('/districts/{districtId}/schools', { params: { path: { districtId } } }));
}

/** The district's decisions by school, from the district year's KPI roll-up (one read). */
export function districtKpis(api: Api, districtId: string, academicYear: string): Promise<KpiGroup[]> {
  return unwrap<{ groups: KpiGroup[] }>(
    api.GET('/kpis', { params: { query: { districtId, academicYear, groupBy: 'school' } } }),
  ).then((r) => r.groups);
}

export function districtEffectiveness(
  api: Api,
  query: { districtId?: string; schoolId?: string; academicYear: string },
): Promise<Map<string, Effectiveness>> {
  return unwrap<{ schools: (Effectiveness & { schoolId: string })[] }>(
    api.GET('/kpis/effectiveness', { params: { query } }),
  ).then((r) => new Map(r.schools.map((s) => [s.schoolId, s])));
}

/** A school's plan progress from four counts of its procedures (no documents are read: page size 1). */
export async function planProgress(api: Api, schoolId: string, academicYear: string): Promise<PlanProgress> {
  const count = (filter: { stage?: 'scheduled' | 'cancelled'; overdue?: 'true' }) =>
    unwrap<Page<ProcedureDocument>>(
      api.GET('/procedures', {
        params: { query: { schoolId, academicYear, pageSize: 1, ...filter } },
        headers: { 'X-School-Id': schoolId },
      }),
    ).then((p) => p.total);
  const [total, scheduled, cancelled, overdue] = await Promise.all([
    count({}),
    count({ stage: 'scheduled' }),
    count({ stage: 'cancelled' }),
    count({ overdue: 'true' }),
  ]);
  return { total, scheduled, cancelled, overdue };
}

/** Runs `load` over the items a few at a time, so a district of many schools does not open hundreds of requests. */
export async function inBatches<T, R>(items: readonly T[], size: number, load: (t: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(load))));
  return out;
}

/** A meeting's decision as the district's school page lists it when overdue. */
export interface LateDecisionRecord {
  _id: string;
  wording: string;
  due: string | null;
  overdue: boolean;
  status: 'open' | 'reopened';
  executors: { lead: { name: string } };
}

/**
 * The school's meeting decisions in work whose deadline in force was missed (the district's counts hold them
 * beside the procedures' overdue decisions), nearest day due first: the server picks them by index, the page
 * holds the first 200.
 */
export function overdueDecisionRecords(api: Api, schoolId: string, academicYear: string) {
  return unwrap<Page<LateDecisionRecord>>(
    api.GET('/decision-records', {
      params: { query: { schoolId, academicYear, active: 'true', overdue: 'true', pageSize: 200 } },
      headers: { 'X-School-Id': schoolId },
    }),
  ).then((p) => p.items);
}
