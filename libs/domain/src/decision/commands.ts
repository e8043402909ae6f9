import type { EscalationAddressee } from '../procedure/values';
import type { DecisionAdopted, DecisionNotificationRecorded, EffectivenessAssessed } from './events';
import type { Deadline, EvidenceRef, Executors, RecheckRequest } from './values';

type Command<Type extends string, Data> = { type: Type; data: Data };

/** The parsed deadline's `due` is computed by the domain for months; recordedOn comes from the context. */
export type AdoptDecision = Command<'AdoptDecision', Omit<DecisionAdopted['data'], 'recordedOn'>>;

export type ReassignDecision = Command<
  'ReassignDecision',
  { decisionId: string; executors: Executors; reason: string }
>;

export type ChangeDecisionDeadline = Command<
  'ChangeDecisionDeadline',
  { decisionId: string; deadline: Deadline; reason: string }
>;

/**
 * The protocol mistyped what was adopted: the wording is put right, with a reason. Not for changing a decision's
 * substance (that is a new decision) — see ADR 0017.
 */
export type CorrectDecisionWording = Command<
  'CorrectDecisionWording',
  { decisionId: string; wording: string; reason: string }
>;

export type AttachEvidence = Command<
  'AttachEvidence',
  { decisionId: string; evidenceId: string; ref: EvidenceRef; about: string; description?: string }
>;

/** Without `evidenceIds`, every piece of evidence attached so far supports the execution. */
export type RecordDecisionExecution = Command<
  'RecordDecisionExecution',
  { decisionId: string; executedOn: string; evidenceIds?: string[]; note?: string }
>;

export type WithdrawDecision = Command<'WithdrawDecision', { decisionId: string; reason: string }>;

export type RecordCheckIn = Command<'RecordCheckIn', { decisionId: string; dueOn: string; note: string }>;

/** `recheck` is filled by the use case from the linked procedures' own schedules, never by a client. */
export type AssessEffectiveness = Command<
  'AssessEffectiveness',
  Omit<EffectivenessAssessed['data'], 'rechecks'> & { recheck?: RecheckRequest }
>;

/* Timer commands, issued by the system actor when `pendingDecisionTimers` says so; stale ones yield nothing. */

export type RemindOfDeadline = Command<
  'RemindOfDeadline',
  { decisionId: string; due: string; daysBefore: number; dueAt: string }
>;

/** `dueOn`: the working day the deadline fell due on, when the school's calendar moved it off a day off. */
export type MarkDeadlineMissed = Command<
  'MarkDeadlineMissed',
  { decisionId: string; due: string; dueAt: string; dueOn?: string }
>;

export type MarkCheckInMissed = Command<
  'MarkCheckInMissed',
  { decisionId: string; dueOn: string; dueAt: string }
>;

/** Without `step`: the single escalation to the director of decisions watched before escalation chains. */
export type EscalateDecision = Command<
  'EscalateDecision',
  { decisionId: string; due: string; dueAt: string; step?: number; to?: EscalationAddressee }
>;

export type DecisionTimerCommand =
  RemindOfDeadline | MarkDeadlineMissed | MarkCheckInMissed | EscalateDecision;

/** How a mail about a recorded fact went, reported by the decision's workflow as the system. */
export type RecordDecisionNotification = Command<
  'RecordDecisionNotification',
  DecisionNotificationRecorded['data']
>;

export type DecisionCommand =
  | AdoptDecision
  | ReassignDecision
  | ChangeDecisionDeadline
  | CorrectDecisionWording
  | AttachEvidence
  | RecordDecisionExecution
  | WithdrawDecision
  | RecordCheckIn
  | AssessEffectiveness
  | DecisionTimerCommand
  | RecordDecisionNotification;
export type DecisionCommandType = DecisionCommand['type'];
