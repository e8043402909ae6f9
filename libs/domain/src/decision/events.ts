import type { DomainEvent } from '../shared';
import type { EscalationAddressee, Responsible } from '../procedure/values';
import type {
  AdoptedBy,
  Deadline,
  DecisionScope,
  Evidence,
  Executors,
  RecheckSchedule,
  Verdict,
} from './values';

/*
 * What happened to one management decision, on its own stream. Type names differ from the decision events
 * inside procedure streams (DecisionsAdopted, DecisionExecuted …), which the existing log keeps.
 */

export type DecisionAdopted = DomainEvent<
  'DecisionAdopted',
  {
    decisionId: string;
    schoolId: string;
    academicYear: string;
    /** Its number in the meeting's (or order's) list: «1.», «2.» … */
    number: number;
    wording: string;
    adoptedBy: AdoptedBy;
    procedureIds: string[];
    executors: Executors;
    scope: DecisionScope;
    deadline: Deadline;
    evidenceRequired: boolean;
    timeZone: string;
    /** The school day it was entered: reminders and check-ins due before it are not sent. */
    recordedOn: string;
  }
>;

/** Staff leave, duties change: the lead (and co-executors) move, with a reason. */
export type DecisionReassigned = DomainEvent<
  'DecisionReassigned',
  { decisionId: string; previous: Executors; executors: Executors; reason: string }
>;

export type DecisionDeadlineChanged = DomainEvent<
  'DecisionDeadlineChanged',
  { decisionId: string; previous: Deadline; deadline: Deadline; reason: string; changedOn: string }
>;

/** A mistyped wording put right (ADR 0017); `previous` keeps what the record said until then. */
export type DecisionWordingCorrected = DomainEvent<
  'DecisionWordingCorrected',
  { decisionId: string; previous: string; wording: string; reason: string; correctedOn: string }
>;

export type EvidenceAttached = DomainEvent<'EvidenceAttached', { decisionId: string } & Evidence>;

export type DecisionExecutionRecorded = DomainEvent<
  'DecisionExecutionRecorded',
  { decisionId: string; executedOn: string; evidenceIds: string[]; note?: string }
>;

export type DecisionWithdrawn = DomainEvent<'DecisionWithdrawn', { decisionId: string; reason: string }>;

/** Progress reported for a check-in day of a whole-year or standing decision. */
export type CheckInRecorded = DomainEvent<
  'CheckInRecorded',
  { decisionId: string; dueOn: string; note: string; recordedOn: string }
>;

export type CheckInMissed = DomainEvent<
  'CheckInMissed',
  { decisionId: string; dueOn: string; wording: string; responsible: Responsible }
>;

export type DecisionDeadlineApproaching = DomainEvent<
  'DecisionDeadlineApproaching',
  { decisionId: string; due: string; daysBefore: number; wording: string; responsible: Responsible }
>;

/** `dueOn`: the working day it fell due on, when the school's calendar moved the deadline off a day off. */
export type DecisionDeadlineMissed = DomainEvent<
  'DecisionDeadlineMissed',
  { decisionId: string; due: string; wording: string; responsible: Responsible; dueOn?: string }
>;

/**
 * The lateness went on: step `step` of the school's escalation chain chases `to`. Events recorded before
 * chains have neither: the director was told once, after the grace period.
 */
export type DecisionEscalated = DomainEvent<
  'DecisionEscalated',
  {
    decisionId: string;
    due: string;
    wording: string;
    responsible: Responsible;
    step?: number;
    to?: EscalationAddressee;
  }
>;

/** The mail about the fact at `aboutRevision` of the decision's stream: delivered to `recipient`, or not. */
export type DecisionNotificationRecorded = DomainEvent<
  'DecisionNotificationRecorded',
  {
    decisionId: string;
    notificationId: string;
    aboutRevision: number;
    aboutType: string;
    channel: 'email';
    outcome: 'sent' | 'failed';
    /** The address mailed, or who it was meant for when there was none. */
    recipient: string;
    attempt: number;
    error?: string;
  }
>;

/**
 * «Не эффективно» re-opens the question: the decision goes back on the next meeting's agenda and, when it is
 * linked to procedures, `rechecks` are the re-check procedures its workflow schedules.
 */
export type EffectivenessAssessed = DomainEvent<
  'EffectivenessAssessed',
  {
    decisionId: string;
    verdict: Verdict;
    indicator: string;
    assessedOn: string;
    note?: string;
    rechecks?: RecheckSchedule[];
  }
>;

export type DecisionStreamEvent =
  | DecisionAdopted
  | DecisionReassigned
  | DecisionDeadlineChanged
  | DecisionWordingCorrected
  | EvidenceAttached
  | DecisionExecutionRecorded
  | DecisionWithdrawn
  | CheckInRecorded
  | CheckInMissed
  | DecisionDeadlineApproaching
  | DecisionDeadlineMissed
  | DecisionEscalated
  | DecisionNotificationRecorded
  | EffectivenessAssessed;
export type DecisionStreamEventType = DecisionStreamEvent['type'];

const EVENT_TYPES = {
  DecisionAdopted: true,
  DecisionReassigned: true,
  DecisionDeadlineChanged: true,
  DecisionWordingCorrected: true,
  EvidenceAttached: true,
  DecisionExecutionRecorded: true,
  DecisionWithdrawn: true,
  CheckInRecorded: true,
  CheckInMissed: true,
  DecisionDeadlineApproaching: true,
  DecisionDeadlineMissed: true,
  DecisionEscalated: true,
  DecisionNotificationRecorded: true,
  EffectivenessAssessed: true,
} satisfies Record<DecisionStreamEventType, true>;

export const DECISION_STREAM_EVENT_TYPES = Object.keys(EVENT_TYPES) as DecisionStreamEventType[];
