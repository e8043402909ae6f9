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
  /** The counts per month of the deadline in force (`YYYY-MM`): what was due when, and how it went. */
  byMonth: { month: string; counts: KpiCounts }[];
  decisions: TalliedDecision[];
}

/** What the KPI queries read: a school year's counts, without the list they are counted from. */
export type KpiSummary = Omit<SchoolYearKpi, 'decisions'>;

/** The month (`YYYY-MM`) a decision is due in. */
export const monthOf = (d: Pick<TalliedDecision, 'deadline'>): string => d.deadline.slice(0, 7);

/**
 * The counts of a school year's decisions: in all, per direction, per responsible (first name as written), per
 * month of the deadline.
 */
export function summarise(decisions: readonly TalliedDecision[]): Summary {
  const byDirection = new Map<Direction, KpiCounts>();
  const byMonth = new Map<string, KpiCounts>();
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
    byMonth.set(monthOf(d), tally([d], byMonth.get(monthOf(d)) ?? emptyCounts()));
  }
  return {
    counts: tally(decisions),
    byDirection: [...byDirection].map(([direction, counts]) => ({ direction, counts })),
    byResponsible: [...byResponsible.values()],
    byMonth: [...byMonth].map(([month, counts]) => ({ month, counts })).sort(byMonthKey),
  };
}

type Summary = Pick<SchoolYearKpi, 'counts' | 'byDirection' | 'byResponsible' | 'byMonth'>;

const byMonthKey = (a: { month: string }, b: { month: string }) => a.month.localeCompare(b.month);

/**
 * The summary after some decisions left it and others joined it (a decision that moves is both): what
 * `summarise` of the new list gives, in time proportional to the change rather than to the school's year.
 */
export function recount(
  summary: Summary,
  removed: readonly TalliedDecision[],
  added: readonly TalliedDecision[],
): Summary {
  const counts = { ...summary.counts };
  const byDirection = summary.byDirection.map((e) => ({ ...e, counts: { ...e.counts } }));
  const byResponsible = summary.byResponsible.map((e) => ({ ...e, counts: { ...e.counts } }));
  const byMonth = (summary.byMonth ?? []).map((e) => ({ ...e, counts: { ...e.counts } }));
  const change = (d: TalliedDecision, sign: 1 | -1) => {
    let direction = byDirection.find((e) => e.direction === d.direction);
    if (!direction) byDirection.push((direction = { direction: d.direction, counts: emptyCounts() }));
    let responsible = byResponsible.find((e) => e.key === d.responsibleKey);
    if (!responsible)
      byResponsible.push(
        (responsible = { key: d.responsibleKey, name: d.responsibleName, counts: emptyCounts() }),
      );
    let month = byMonth.find((e) => e.month === monthOf(d));
    if (!month) byMonth.push((month = { month: monthOf(d), counts: emptyCounts() }));
    for (const target of [counts, direction.counts, responsible.counts, month.counts]) {
      target[d.category] += sign;
      if (d.category !== 'cancelled') target.total += sign;
    }
  };
  for (const d of removed) change(d, -1);
  for (const d of added) change(d, 1);
  return { counts, byDirection, byResponsible, byMonth: byMonth.sort(byMonthKey) };
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
