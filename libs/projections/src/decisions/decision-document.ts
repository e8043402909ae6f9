import type { Direction, DocumentRef, Meeting, Responsible } from '@vsoko/domain';
import type { ProjectedDocument } from '../projection';

export const DECISION_STATUSES = ['open', 'overdue', 'executed', 'cancelled'] as const;
/** 'overdue' once the missed deadline was recorded, until the decision is executed, extended or cancelled. */
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
  escalated: boolean;
  remindersSent: number;
  recheckProcedureIds: string[];
  cancellationReason: string | null;
  updatedAt: string;
}

export function decisionDocumentId(procedureId: string, decisionId: string): string {
  return `${procedureId}:${decisionId}`;
}
