import { VERDICTS, type Verdict } from '@vsoko/domain';
import {
  count,
  emptyCounts,
  type KpiCategory,
  type KpiCounts,
  type MonthCounts,
  type ResponsibleCounts,
} from '../kpis/kpi-document';
import { NO_DUE_MONTH } from '../kpis/kpi-groups';
import { group } from '../kpis/kpi-rollups';
import type { ProjectedDocument } from '../projection';
import { responsibleKey } from '../responsible';
import type { Rollup, RollupEntry } from '../rollup';
import type { DecisionRecordDocument } from './decision-record-projection';

/** The decisions adopted at a school's meetings (and by its orders) in a school year, `_id` `<schoolId>:<year>`. */
export const DECISION_RECORD_KPI_COLLECTION = 'kpis_decision_records';

/**
 * A school year's decision records counted as the district view and the school's `GET /kpis` read them: where
 * each stands (the same categories as the procedures' decisions, so the two add up), per lead executor and per
 * month of the day due, and how the executed ones were judged.
 */
export interface DecisionRecordKpi extends ProjectedDocument {
  schoolId: string;
  academicYear: string;
  counts: KpiCounts;
  /** Per lead executor, keyed as the procedures' decisions' responsibles are (`responsibleKey`). */
  byResponsible: ResponsibleCounts[];
  /** Per month of the day due in force (`YYYY-MM`), or `NO_DUE_MONTH`. */
  byMonth: MonthCounts[];
  /** Executed and waiting for the director's verdict. */
  awaitingReview: number;
  /** The last verdict of each assessed decision (a re-opened one counts as «не эффективно» until executed again). */
  verdicts: Record<Verdict, number>;
  assessed: number;
}

/** No decision judged yet: each verdict at zero. */
export function noVerdicts(): Record<Verdict, number> {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
}

type Review = Verdict | 'awaiting' | 'none';

interface DecisionRecordKpiEntry extends RollupEntry {
  schoolId: string;
  academicYear: string;
  category: KpiCategory;
  review: Review;
  responsibleKey: string;
  responsibleName: string;
  month: string;
}

/**
 * Where a decision record counts: withdrawn as cancelled; in work (open or re-opened) as overdue once its
 * deadline in force was missed; executed (and judged) on time unless it was executed after the day due or
 * after the deadline had been marked missed.
 */
export function decisionRecordCategory(doc: DecisionRecordDocument): KpiCategory {
  switch (doc.status) {
    case 'withdrawn':
      return 'cancelled';
    case 'open':
    case 'reopened':
      return doc.overdue ? 'overdue' : 'open';
    case 'executed':
    case 'assessed': {
      const late = doc.overdue || (doc.due !== null && doc.executedOn !== null && doc.executedOn > doc.due);
      return late ? 'executedLate' : 'executedOnTime';
    }
  }
}

function reviewOf(doc: DecisionRecordDocument): Review {
  if (doc.status === 'executed') return 'awaiting';
  if (doc.status !== 'assessed' && doc.status !== 'reopened') return 'none';
  return (VERDICTS as readonly string[]).includes(doc.verdict ?? '') ? (doc.verdict as Verdict) : 'none';
}

export const DECISION_RECORD_KPIS: Rollup<DecisionRecordDocument, DecisionRecordKpiEntry> = {
  collection: DECISION_RECORD_KPI_COLLECTION,
  indexes: [{ key: { schoolId: 1, academicYear: 1 }, name: 'school_year' }],
  entries: (d) => [
    {
      id: `${d.schoolId}:${d.academicYear}`,
      schoolId: d.schoolId,
      academicYear: d.academicYear,
      category: decisionRecordCategory(d),
      review: reviewOf(d),
      responsibleKey: responsibleKey(d.executors.lead),
      responsibleName: d.executors.lead.name,
      month: d.due === null ? NO_DUE_MONTH : d.due.slice(0, 7),
    },
  ],
  apply(stored, e, sign) {
    const doc = (stored ?? {
      _id: e.id,
      _position: 0,
      schoolId: e.schoolId,
      academicYear: e.academicYear,
      counts: emptyCounts(),
      byResponsible: [],
      byMonth: [],
      awaitingReview: 0,
      verdicts: noVerdicts(),
      assessed: 0,
    }) as DecisionRecordKpi;
    count(doc.counts, e.category, sign);
    count(
      group(doc.byResponsible, 'key', e.responsibleKey, { name: e.responsibleName }).counts,
      e.category,
      sign,
    );
    count(group(doc.byMonth, 'month', e.month).counts, e.category, sign);
    if (e.review === 'awaiting') doc.awaitingReview += sign;
    else if (e.review !== 'none') {
      doc.verdicts[e.review] += sign;
      doc.assessed += sign;
    }
    return doc;
  },
};
