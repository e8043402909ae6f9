import type { KpiCounts } from '../api/domain';

/** How far a school's plan has got: procedures performed (or further) of those not cancelled. */
export interface PlanProgress {
  total: number;
  scheduled: number;
  cancelled: number;
  overdue: number;
}

/** A school's decisions adopted at meetings: how they were judged, and where they stand. */
export interface Effectiveness {
  awaitingReview: number;
  assessed: number;
  verdicts: { effective: number; partly: number; 'not-effective': number };
  counts: KpiCounts;
}

const CATEGORIES = ['executedOnTime', 'executedLate', 'open', 'overdue', 'cancelled', 'total'] as const;

export const NO_DECISIONS: KpiCounts = {
  executedOnTime: 0,
  executedLate: 0,
  open: 0,
  overdue: 0,
  cancelled: 0,
  total: 0,
};

/**
 * A school's decisions in all: the procedures' decisions (`GET /kpis`) with those adopted at its meetings
 * (`GET /kpis/effectiveness`); undefined when there are neither.
 */
export function sumCounts(...parts: (KpiCounts | undefined)[]): KpiCounts | undefined {
  const present = parts.filter((p): p is KpiCounts => p !== undefined);
  if (present.length === 0) return undefined;
  const sum = Object.fromEntries(CATEGORIES.map((k) => [k, 0])) as KpiCounts;
  for (const p of present) for (const k of CATEGORIES) sum[k] += p[k];
  return sum;
}

export interface SchoolRow {
  schoolId: string;
  name: string;
  decisions?: KpiCounts;
  plan?: PlanProgress;
  effectiveness?: Effectiveness;
}

/** Of the decisions that count, the share executed by their deadline, 0…1; undefined when there are none. */
export function onTimeShare(counts: KpiCounts | undefined): number | undefined {
  if (!counts || counts.total === 0) return undefined;
  return counts.executedOnTime / counts.total;
}

export function planShare(plan: PlanProgress | undefined): number | undefined {
  if (!plan) return undefined;
  const planned = plan.total - plan.cancelled;
  return planned === 0 ? undefined : (planned - plan.scheduled) / planned;
}

/** Judged effective (in full) of those judged; undefined before any verdict. */
export function effectiveShare(e: Effectiveness | undefined): number | undefined {
  return e && e.assessed > 0 ? e.verdicts.effective / e.assessed : undefined;
}

/** «67 %», as Russian writes a percentage (a space before the sign); a dash when there is nothing to count. */
export function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

/** «проведено 12 из 40» */
export function planText(plan: PlanProgress | undefined): string {
  if (!plan) return '—';
  const planned = plan.total - plan.cancelled;
  if (planned === 0) return 'плана нет';
  return `проведено ${planned - plan.scheduled} из ${planned}`;
}

/** «эффективно 2 из 3; ждут оценки 1» */
export function effectivenessText(e: Effectiveness | undefined): string {
  if (!e || (e.assessed === 0 && e.awaitingReview === 0)) return 'оценок нет';
  const parts: string[] = [];
  if (e.assessed > 0) {
    parts.push(`эффективно ${e.verdicts.effective} из ${e.assessed}`);
    if (e.verdicts.partly) parts.push(`частично ${e.verdicts.partly}`);
    if (e.verdicts['not-effective']) parts.push(`неэффективно ${e.verdicts['not-effective']}`);
  }
  if (e.awaitingReview > 0) parts.push(`ждут оценки ${e.awaitingReview}`);
  return parts.join('; ');
}

/**
 * Schools most in need of the inspector's attention first: most overdue decisions, then the lowest share on
 * time, then by name.
 */
export function byAttention(a: SchoolRow, b: SchoolRow): number {
  const overdue = (r: SchoolRow) => (r.decisions?.overdue ?? 0) + (r.plan?.overdue ?? 0);
  return (
    overdue(b) - overdue(a) ||
    (onTimeShare(a.decisions) ?? 2) - (onTimeShare(b.decisions) ?? 2) ||
    a.name.localeCompare(b.name, 'ru')
  );
}
