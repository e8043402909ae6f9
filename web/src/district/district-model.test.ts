import { describe, expect, it } from 'vitest';
import {
  byAttention,
  effectiveShare,
  effectivenessText,
  onTimeShare,
  percent,
  planShare,
  planText,
  sumCounts,
  type SchoolRow,
} from './district-model';

const counts = (executedOnTime: number, overdue: number, total: number) => ({
  executedOnTime,
  executedLate: 0,
  open: total - executedOnTime - overdue,
  overdue,
  cancelled: 0,
  total,
});

describe('a district’s schools side by side', () => {
  it('writes shares as Russian percentages and a dash when there is nothing to count', () => {
    expect(percent(onTimeShare(counts(2, 1, 3)))).toBe('67 %');
    expect(percent(onTimeShare(counts(0, 0, 0)))).toBe('—');
  });

  it('counts the plan as performed of not cancelled', () => {
    const plan = { total: 10, scheduled: 6, cancelled: 2, overdue: 1 };
    expect(planText(plan)).toBe('проведено 2 из 8');
    expect(percent(planShare(plan))).toBe('25 %');
    expect(planText({ total: 0, scheduled: 0, cancelled: 0, overdue: 0 })).toBe('плана нет');
  });

  it('says what the director judged, and what waits for a verdict', () => {
    const e = {
      awaitingReview: 1,
      assessed: 3,
      verdicts: { effective: 2, partly: 0, 'not-effective': 1 },
      counts: counts(3, 0, 5),
    };
    expect(effectivenessText(e)).toBe('эффективно 2 из 3; неэффективно 1; ждут оценки 1');
    expect(percent(effectiveShare(e))).toBe('67 %');
    expect(effectivenessText(undefined)).toBe('оценок нет');
  });

  it('puts the schools with most overdue first', () => {
    const rows: SchoolRow[] = [
      { schoolId: 'a', name: 'Школа № 1', decisions: counts(3, 0, 3) },
      { schoolId: 'b', name: 'Школа № 2', decisions: counts(0, 2, 3) },
      { schoolId: 'c', name: 'Лицей', decisions: counts(1, 0, 3) },
    ];
    expect(rows.sort(byAttention).map((r) => r.schoolId)).toEqual(['b', 'c', 'a']);
  });
});

describe('a school’s decisions in all', () => {
  it('adds the meetings’ decisions to the procedures’, and knows when there are none', () => {
    expect(sumCounts(counts(1, 0, 2), counts(1, 1, 3))).toEqual({
      executedOnTime: 2,
      executedLate: 0,
      open: 2,
      overdue: 1,
      cancelled: 0,
      total: 5,
    });
    // A school whose only decisions were adopted at a meeting (no procedure has decisions yet).
    expect(sumCounts(undefined, counts(1, 0, 3))).toEqual(counts(1, 0, 3));
    expect(sumCounts(undefined, undefined)).toBeUndefined();
  });
});
