import {
  DECISION_STREAM_EVENT_TYPES,
  decisionStreamName,
  dueDateOf,
  evolveDecision,
  type DecisionState,
  type DecisionStreamEvent,
} from '@vsoko/domain';
import type { ProjectedDocument, Projection } from '../projection';
import { DECISION_RECORD_KPIS } from './decision-record-kpis';

type Recorded = Exclude<DecisionState, { status: 'none' }>;

/**
 * One management decision of its own stream, folded with the domain's `evolveDecision`, plus what lists and
 * the seed-002 report filter and group by: the meeting, the day due (none for standing and undated ones).
 */
export type DecisionRecordDocument = ProjectedDocument &
  Recorded & {
    meetingId: string | null;
    due: string | null;
    executedOn: string | null;
    /** The last effectiveness verdict, if any. */
    verdict: string | null;
    revision: number;
  };

export const decisionRecordProjection: Projection<DecisionRecordDocument> = {
  collection: 'decision_records',
  handles: DECISION_STREAM_EVENT_TYPES,
  documentIds: (event) => {
    const id = (event.data as { decisionId?: unknown }).decisionId;
    return typeof id === 'string' && event.streamName === decisionStreamName(id) ? [id] : [];
  },
  evolve(doc, event) {
    const before: DecisionState = doc ? stateOf(doc) : { status: 'none' };
    const after = evolveDecision(before, event as unknown as DecisionStreamEvent);
    if (after === before || after.status === 'none') return doc;
    const lastExecution = after.executions[after.executions.length - 1];
    const lastAssessment = after.assessments[after.assessments.length - 1];
    return {
      ...after,
      _id: after.decisionId,
      _position: event.position,
      meetingId: after.adoptedBy.kind === 'meeting' ? after.adoptedBy.meetingId : null,
      due: dueDateOf(after.deadline.parsed),
      executedOn: lastExecution?.executedOn ?? null,
      verdict: lastAssessment?.verdict ?? null,
      revision: event.revision,
    };
  },
  indexes: [
    { key: { schoolId: 1, academicYear: 1, status: 1 }, name: 'school_year_status' },
    // A school's overdue decisions in work: two ranges (open, reopened) of exactly the answer, sorted by day due.
    { key: { schoolId: 1, academicYear: 1, overdue: 1, status: 1, due: 1 }, name: 'school_year_overdue' },
    { key: { meetingId: 1 }, name: 'meeting' },
  ],
  rollups: [DECISION_RECORD_KPIS],
};

export function stateOf(doc: DecisionRecordDocument): Recorded {
  const { _id, _position, meetingId: _m, due: _d, executedOn: _e, verdict: _v, revision: _r, ...state } = doc;
  return state as Recorded;
}
