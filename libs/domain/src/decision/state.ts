import type { DecisionAdopted } from './events';
import type { Evidence, RecheckSchedule, Verdict } from './values';

export interface Execution {
  executedOn: string;
  evidenceIds: string[];
  note?: string;
}

export interface Assessment {
  verdict: Verdict;
  indicator: string;
  assessedOn: string;
  note?: string;
  /** The re-check procedures a «не эффективно» asked for; the decision's workflow schedules them. */
  rechecks?: RecheckSchedule[];
}

export interface CheckIn {
  dueOn: string;
  outcome: 'recorded' | 'missed';
  note?: string;
  /** Progress reported after the day had already been marked missed. */
  late?: boolean;
}

/** Plain JSON: the workflow carries it across continue-as-new and answers queries with it. */
export interface DecisionBase extends Readonly<DecisionAdopted['data']> {
  evidence: readonly Evidence[];
  /** Reminders are not due before this school day: the day the deadline in force was set. */
  remindFrom: string;
  remindersSent: ReadonlyArray<{ due: string; daysBefore: number }>;
  /** Both refer to the deadline in force and are cleared by a change of deadline. */
  overdue: boolean;
  escalated: boolean;
  /** Escalation steps taken for the deadline in force (absent in states carried from before chains). */
  escalations?: number;
  checkIns: readonly CheckIn[];
  executions: readonly Execution[];
  assessments: readonly Assessment[];
  reassignments: number;
}

export interface OpenDecision extends DecisionBase {
  status: 'open';
}

/** Assessed as not effective: in work again, and on the next meeting's agenda until resolved. */
export interface ReopenedDecision extends DecisionBase {
  status: 'reopened';
}

export interface ExecutedDecision extends DecisionBase {
  status: 'executed';
}

export interface AssessedDecision extends DecisionBase {
  status: 'assessed';
}

export interface WithdrawnDecision extends DecisionBase {
  status: 'withdrawn';
  withdrawalReason: string;
}

export type ActiveDecision = OpenDecision | ReopenedDecision;

export type DecisionState =
  | { status: 'none' }
  | OpenDecision
  | ReopenedDecision
  | ExecutedDecision
  | AssessedDecision
  | WithdrawnDecision;

export const initialDecisionState: DecisionState = { status: 'none' };
