import type { Direction } from '@vsoko/domain';
import type { ProjectedDocument } from '../projection';

export const KPI_CATEGORIES = ['executedOnTime', 'executedLate', 'open', 'overdue', 'cancelled'] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];

export type KpiCounts = Record<KpiCategory, number> & {
  /** Decisions that count: every one except the cancelled. */
  total: number;
};

/** Where one decision stands, with the keys it is grouped by. */
export interface TalliedDecision {
  key: string;
  category: KpiCategory;
  direction: Direction;
  responsibleKey: string;
  responsibleName: string;
  deadline: string;
}

/**
 * The decisions of one school in one academic year (`_id` = `<schoolId>:<academicYear>`). The list is what makes a
 * transition (overdue → executed late) countable by a pure function; a school adopts a few hundred a year at most.
 * District, direction and responsible figures are sums over these documents.
 */
export interface SchoolYearKpi extends ProjectedDocument {
  schoolId: string;
  districtId: string | null;
  academicYear: string;
  counts: KpiCounts;
  /** The counts per direction and per responsible, kept with each change so that no query reads `decisions`. */
  byDirection: { direction: Direction; counts: KpiCounts }[];
  byResponsible: { key: string; name: string; counts: KpiCounts }[];
  decisions: TalliedDecision[];
}

/** The counts of a school year's decisions: in all, per direction, per responsible (first name as written). */
export function summarise(
  decisions: readonly TalliedDecision[],
): Pick<SchoolYearKpi, 'counts' | 'byDirection' | 'byResponsible'> {
  const byDirection = new Map<Direction, KpiCounts>();
  const byResponsible = new Map<string, { key: string; name: string; counts: KpiCounts }>();
  for (const d of decisions) {
    const direction = byDirection.get(d.direction) ?? emptyCounts();
    byDirection.set(d.direction, tally([d], direction));
    const responsible = byResponsible.get(d.responsibleKey) ?? {
      key: d.responsibleKey,
      name: d.responsibleName,
      counts: emptyCounts(),
    };
    tally([d], responsible.counts);
    byResponsible.set(d.responsibleKey, responsible);
  }
  return {
    counts: tally(decisions),
    byDirection: [...byDirection].map(([direction, counts]) => ({ direction, counts })),
    byResponsible: [...byResponsible.values()],
  };
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

export function addCounts(a: KpiCounts, b: KpiCounts): KpiCounts {
  const sum = emptyCounts();
  for (const key of [...KPI_CATEGORIES, 'total'] as const) sum[key] = a[key] + b[key];
  return sum;
}
