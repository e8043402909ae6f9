import type { Decision, Direction, DocumentRef, Meeting, Responsible } from '@vsoko/domain';
import type { ProjectedDocument } from '../projection';

export const DECISION_STATUSES = ['open', 'overdue', 'executed', 'cancelled'] as const;
/**
 * The domain's status, with an open decision whose deadline in force was missed listed as 'overdue' (the
 * domain's `overdue` flag, kept beside it), until the decision is executed, extended or cancelled.
 */
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface DecisionExtension {
  from: string;
  to: string;
  reason: string;
  extendedOn: string;
}

/** One management decision and how it was carried out; `_id` is `<procedureId>:<decisionId>`. */
export interface DecisionDocument extends ProjectedDocument {
  procedureId: string;
  decisionId: string;
  schoolId: string;
  districtId: string | null;
  academicYear: string;
  direction: Direction;
  procedureTitle: string;
  meeting: Meeting;
  wording: string;
  responsible: Responsible;
  responsibleKey: string;
  adoptedOn: string;
  adoptedAt: string;
  adoptedBy: string;
  originalDeadline: string;
  /** The deadline in force. */
  deadline: string;
  status: DecisionStatus;
  executedOn: string | null;
  executedAt: string | null;
  evidence: { description: string; document?: DocumentRef } | null;
  /** Executed by the deadline in force; null while not executed. */
  onTime: boolean | null;
  /** Days past the deadline in force at execution; null while not executed. */
  daysLate: number | null;
  extensions: DecisionExtension[];
  /** The domain's flag: the deadline in force was missed (it stays set after a late execution). */
  overdue: boolean;
  escalated: boolean;
  /** Reminders are not due before this day: the day the deadline in force was set. */
  remindFrom: string;
  reminders: Decision['remindersSent'];
  remindersSent: number;
  recheckProcedureIds: string[];
  cancellationReason: string | null;
  updatedAt: string;
}

export function decisionDocumentId(procedureId: string, decisionId: string): string {
  return `${procedureId}:${decisionId}`;
}
