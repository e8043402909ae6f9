import type { Direction } from '@vsoko/domain';
import type { DecisionDocument } from '../decisions/decision-document';
import type { ProjectedDocument } from '../projection';
import type { RollupEntry } from '../rollup';

export const KPI_CATEGORIES = ['executedOnTime', 'executedLate', 'open', 'overdue', 'cancelled'] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];

export type KpiCounts = Record<KpiCategory, number> & {
  /** Decisions that count: every one except the cancelled. */
  total: number;
};

/** Where one decision stands, with the keys it is counted under: what a decision adds to a KPI roll-up. */
export interface KpiEntry extends RollupEntry {
  category: KpiCategory;
  direction: Direction;
  schoolId: string;
  districtId: string | null;
  academicYear: string;
  responsibleKey: string;
  responsibleName: string;
  /** The month of the deadline in force, `YYYY-MM`. */
  month: string;
}

export interface DirectionCounts {
  direction: Direction;
  counts: KpiCounts;
}
export interface ResponsibleCounts {
  key: string;
  /** The responsible's name as the plan wrote it first. */
  name: string;
  counts: KpiCounts;
}
export interface MonthCounts {
  /** `YYYY-MM`, the month of the deadlines in force. */
  month: string;
  counts: KpiCounts;
}

/** Where a decision counts for the KPIs: its status, an execution on time or late. */
export function kpiCategory(doc: DecisionDocument): KpiCategory {
  if (doc.status === 'executed') return doc.onTime === false ? 'executedLate' : 'executedOnTime';
  return doc.status;
}

/** What the decision `d` adds to the roll-up document `id`. */
export function kpiEntry(id: string, d: DecisionDocument): KpiEntry {
  return {
    id,
    category: kpiCategory(d),
    direction: d.direction,
    schoolId: d.schoolId,
    districtId: d.districtId,
    academicYear: d.academicYear,
    responsibleKey: d.responsibleKey,
    responsibleName: d.responsible.name,
    month: d.deadline.slice(0, 7),
  };
}

/**
 * Counts of decisions kept by a KPI roll-up (`kpis`, `kpis_months`, `kpis_responsibles`):
 * in all, and by whichever breakdowns that collection keeps. Updated with each change of a decision, so a query
 * reads one document and nothing reads the decisions.
 */
export interface KpiRollupDocument extends ProjectedDocument {
  academicYear: string;
  districtId: string | null;
  schoolId?: string;
  month?: string;
  responsibleKey?: string;
  responsibleName?: string;
  counts: KpiCounts;
  byDirection?: DirectionCounts[];
  byResponsible?: ResponsibleCounts[];
  byMonth?: MonthCounts[];
}

/** A school year's KPIs (`kpis`, `_id` = `<schoolId>:<academicYear>`): what the school and its inspector read. */
export interface KpiSummary extends KpiRollupDocument {
  schoolId: string;
  byDirection: DirectionCounts[];
  byResponsible: ResponsibleCounts[];
  byMonth: MonthCounts[];
}

export function emptyCounts(): KpiCounts {
  return { total: 0, executedOnTime: 0, executedLate: 0, open: 0, overdue: 0, cancelled: 0 };
}

export function tally(decisions: readonly { category: KpiCategory }[], into = emptyCounts()): KpiCounts {
  for (const d of decisions) {
    into[d.category]++;
    if (d.category !== 'cancelled') into.total++;
  }
  return into;
}

/** Adds (`sign` 1) or takes away (-1) one decision of `category`, in place. */
export function count(into: KpiCounts, category: KpiCategory, sign: 1 | -1): KpiCounts {
  into[category] += sign;
  if (category !== 'cancelled') into.total += sign;
  return into;
}

export function addCounts(a: KpiCounts, b: KpiCounts): KpiCounts {
  const sum = emptyCounts();
  for (const key of [...KPI_CATEGORIES, 'total'] as const) sum[key] = a[key] + b[key];
  return sum;
}
