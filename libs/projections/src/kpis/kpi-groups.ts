import type { DecisionRecordKpi } from '../decision-records/decision-record-kpis';
import { addCounts, emptyCounts, type KpiCounts, type KpiSummary } from './kpi-document';

export const KPI_GROUPINGS = ['school', 'district', 'direction', 'responsible', 'year', 'month'] as const;
export type KpiGrouping = (typeof KPI_GROUPINGS)[number];

/** The key of the documents of schools that belong to no district. */
export const NO_DISTRICT = 'без района';

/** The direction key of decisions adopted at meetings (and by orders): they assess no direction of the plan. */
export const NO_DIRECTION = 'без направления';

/** The month key of meeting decisions with no day due (standing ones, and those adopted with no deadline). */
export const NO_DUE_MONTH = 'без срока';

export interface KpiShares {
  executedOnTime: number;
  executedLate: number;
  open: number;
  overdue: number;
}

export interface KpiGroup {
  key: string;
  /** The responsible person's name as the plan wrote it (grouping by responsible only). */
  name?: string;
  counts: KpiCounts;
  /** Shares of the decisions that count (cancelled ones do not), 0…1, to three decimals. */
  shares: KpiShares;
}

type Add = (key: string, counts: KpiCounts, name?: string) => void;

/**
 * The KPIs of school years grouped by school, district or year (sums of their counts), or by the direction, the
 * responsible or the deadline's month of each decision (a responsible is counted per school, as the same role in
 * two schools is two people). Sorted by key.
 *
 * `meetings`, the decisions adopted at meetings in school years, count beside the procedures' decisions: under
 * `NO_DIRECTION`, their lead executor, the month of their day due, and the district of the procedures' document of
 * the same school year (`NO_DISTRICT` when the school year has none).
 */
export function groupKpis(
  docs: readonly KpiSummary[],
  groupBy: KpiGrouping,
  meetings: readonly DecisionRecordKpi[] = [],
): KpiGroup[] {
  const districtOf = new Map(docs.map((d) => [d._id, d.districtId]));
  return grouped((add) => {
    for (const doc of docs) {
      if (groupBy === 'school') add(doc.schoolId, doc.counts);
      else if (groupBy === 'district') add(doc.districtId ?? NO_DISTRICT, doc.counts);
      else if (groupBy === 'year') add(doc.academicYear, doc.counts);
      else if (groupBy === 'direction') for (const d of doc.byDirection) add(d.direction, d.counts);
      else if (groupBy === 'month') for (const m of doc.byMonth) add(m.month, m.counts);
      else for (const r of doc.byResponsible) add(`${doc.schoolId}:${r.key}`, r.counts, r.name);
    }
    for (const doc of meetings) {
      if (groupBy === 'school') add(doc.schoolId, doc.counts);
      else if (groupBy === 'district') add(districtOf.get(doc._id) ?? NO_DISTRICT, doc.counts);
      else if (groupBy === 'year') add(doc.academicYear, doc.counts);
      else if (groupBy === 'direction') add(NO_DIRECTION, doc.counts);
      else if (groupBy === 'month') for (const m of doc.byMonth) add(m.month, m.counts);
      else for (const r of doc.byResponsible) add(`${doc.schoolId}:${r.key}`, r.counts, r.name);
    }
  });
}

/** The groups `fill` adds, summed per key, with their shares, sorted by key (`localeCompare`). */
export function grouped(fill: (add: Add) => void): KpiGroup[] {
  const groups = new Map<string, { name?: string; counts: KpiCounts }>();
  fill((key, counts, name) => {
    const group = groups.get(key);
    groups.set(key, { name: group?.name ?? name, counts: addCounts(group?.counts ?? emptyCounts(), counts) });
  });
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      ...(g.name ? { name: g.name } : {}),
      counts: g.counts,
      shares: sharesOf(g.counts),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function sharesOf(counts: KpiCounts): KpiShares {
  const share = (n: number) => (counts.total === 0 ? 0 : Math.round((n / counts.total) * 1000) / 1000);
  return {
    executedOnTime: share(counts.executedOnTime),
    executedLate: share(counts.executedLate),
    open: share(counts.open),
    overdue: share(counts.overdue),
  };
}
