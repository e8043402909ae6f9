import type { ProcedureScheduled } from './events';
import type { ActiveStatus, DocumentRef, Figure, Meeting, Responsible, Stage } from './values';

/*
 * What the rules and the timers need to know, folded from the events. Plain JSON (arrays, no Map or Set):
 * the workflow carries it across continue-as-new and answers queries with it.
 */

export interface StageOverdueFlag {
  /** The due date that was missed; a reschedule brings a new one and a fresh watch. */
  dueDate: string;
  escalated: boolean;
  /** Chain steps taken for this lateness (absent before chains). */
  escalations?: number;
}

export interface ProcedureBase extends Readonly<ProcedureScheduled['data']> {
  overdueStages: Readonly<Partial<Record<Stage, StageOverdueFlag>>>;
  /** `${notificationId}#${attempt}` of every recorded notification outcome. */
  notificationOutcomes: readonly string[];
  /** `daysBefore` of every preparation reminder sent for the window in force (absent before chains). */
  preparationsSent?: ReadonlyArray<{ from: string; daysBefore: number }>;
}

export interface Performance {
  performedOn: string;
  performedBy: Responsible;
  collected: readonly string[];
}

export interface Analysis {
  analysedOn: string;
  document: DocumentRef;
  findings: readonly string[];
  figures: readonly Figure[];
}

export interface Decision {
  decisionId: string;
  wording: string;
  responsible: Responsible;
  status: 'open' | 'executed' | 'cancelled';
  /** The deadline in force; `extensions` keeps the way it moved. */
  deadline: string;
  extensions: ReadonlyArray<{ from: string; to: string; reason: string; extendedOn: string }>;
  /** Reminders are not due before this school day: the day the deadline in force was set. */
  remindFrom: string;
  remindersSent: ReadonlyArray<{ deadline: string; daysBefore: number }>;
  /** Both refer to the deadline in force and are cleared by an extension. */
  overdue: boolean;
  escalated: boolean;
  /** Chain steps taken for the deadline in force (absent before chains). */
  escalations?: number;
  executed?: { executedOn: string; evidence: { description: string; document?: DocumentRef } };
  cancellationReason?: string;
}

export interface FollowUp {
  decisions: readonly Decision[];
  /** Set when the meeting noted the results without adopting a decision. */
  notedWithoutDecision?: { note?: string };
  rechecks: ReadonlyArray<{ decisionId: string; childProcedureId: string }>;
}

export interface ScheduledProcedure extends ProcedureBase {
  status: 'scheduled';
}

export interface PerformedProcedure extends ProcedureBase {
  status: 'performed';
  performance: Performance;
}

export interface AnalysedProcedure extends ProcedureBase {
  status: 'analysed';
  performance: Performance;
  analysis: Analysis;
}

export interface DiscussedProcedure extends ProcedureBase {
  status: 'discussed';
  performance: Performance;
  analysis: Analysis;
  discussion: Meeting;
}

export interface FollowingUpProcedure extends ProcedureBase {
  status: 'following-up';
  performance: Performance;
  analysis: Analysis;
  discussion: Meeting;
  followUp: FollowUp;
}

export interface ClosedAfterFollowUp extends Omit<FollowingUpProcedure, 'status'> {
  status: 'closed';
}

/** Its results ended in a document: closed at the analysis, never discussed at a meeting. */
export interface ClosedWithoutMeeting extends Omit<AnalysedProcedure, 'status'> {
  status: 'closed';
  closedWithoutMeeting: true;
}

export type ClosedProcedure = ClosedAfterFollowUp | ClosedWithoutMeeting;

/** Keeps whatever the procedure had reached when it was cancelled. */
export interface CancelledProcedure extends ProcedureBase {
  status: 'cancelled';
  cancelledInStatus: ActiveStatus;
  cancellationReason: string;
  performance?: Performance;
  analysis?: Analysis;
  discussion?: Meeting;
  followUp?: FollowUp;
}

export type ActiveProcedure =
  ScheduledProcedure | PerformedProcedure | AnalysedProcedure | DiscussedProcedure | FollowingUpProcedure;

export type ProcedureState = { status: 'none' } | ActiveProcedure | ClosedProcedure | CancelledProcedure;

export const initialState: ProcedureState = { status: 'none' };
