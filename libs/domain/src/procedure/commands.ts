import type {
  AdoptedDecision,
  DecisionCancelled,
  DecisionExecuted,
  DiscussionRecorded,
  NotificationFailed,
  NotificationSent,
  ProcedurePerformed,
  ProcedureScheduled,
} from './events';
import type {
  DateWindow,
  DocumentRef,
  EscalationAddressee,
  Figure,
  OverdueSubject,
  Responsible,
  Stage,
} from './values';

/*
 * What people and timers ask of a procedure. The actor and the time travel beside the command, in the
 * CommandContext given to `decide`; every command names its procedure so a misrouted one is refused.
 */

type Command<Type extends string, Data> = { type: Type; data: Data };

/**
 * `resultUse` given as 'meeting' or 'document' overrides what the plan row's result form says; absent, the form
 * decides (result-use.ts).
 */
export type ScheduleProcedure = Command<'ScheduleProcedure', ProcedureScheduled['data']>;

export type RescheduleProcedure = Command<
  'RescheduleProcedure',
  { procedureId: string; window: DateWindow; reason: string }
>;

/** Hand the procedure to another responsible, with a reason (the administration's act). */
export type ReassignProcedure = Command<
  'ReassignProcedure',
  { procedureId: string; responsible: Responsible; reason: string }
>;

export type MarkProcedurePerformed = Command<'MarkProcedurePerformed', ProcedurePerformed['data']>;

export type RecordAnalysis = Command<
  'RecordAnalysis',
  { procedureId: string; analysedOn: string; document: DocumentRef; findings: string[]; figures?: Figure[] }
>;

export type RecordDiscussion = Command<'RecordDiscussion', DiscussionRecorded['data']>;

export type AdoptDecisions = Command<'AdoptDecisions', { procedureId: string; decisions: AdoptedDecision[] }>;

/** The meeting considered the results and decided nothing needs doing: the procedure may then close. */
export type NoteResultsWithoutDecision = Command<
  'NoteResultsWithoutDecision',
  { procedureId: string; note?: string }
>;

export type ExecuteDecision = Command<'ExecuteDecision', DecisionExecuted['data']>;

export type ExtendDecisionDeadline = Command<
  'ExtendDecisionDeadline',
  { procedureId: string; decisionId: string; deadline: string; reason: string }
>;

export type CancelDecision = Command<'CancelDecision', DecisionCancelled['data']>;

/** Hand one of the procedure's own decisions to another responsible, with a reason (the administration's act). */
export type ReassignProcedureDecision = Command<
  'ReassignProcedureDecision',
  { procedureId: string; decisionId: string; responsible: Responsible; reason: string }
>;

/** Title, academic year and responsible default to the parent procedure's. */
export type RequestRecheck = Command<
  'RequestRecheck',
  {
    procedureId: string;
    decisionId: string;
    childProcedureId: string;
    window: DateWindow;
    title?: string;
    academicYear?: string;
    responsible?: Responsible;
  }
>;

export type CancelProcedure = Command<'CancelProcedure', { procedureId: string; reason: string }>;

export type CloseProcedure = Command<'CloseProcedure', { procedureId: string }>;

/*
 * Timer commands, issued only by the system actor when `pendingTimers` says so. Each names the due date it
 * was computed for and the instant it fell due: a timer made stale by a later change yields no events.
 */

export type MarkStageOverdue = Command<
  'MarkStageOverdue',
  { procedureId: string; stage: Stage; dueDate: string; dueAt: string }
>;

export type RemindOfDecision = Command<
  'RemindOfDecision',
  { procedureId: string; decisionId: string; deadline: string; daysBefore: number; dueAt: string }
>;

export type MarkDecisionOverdue = Command<
  'MarkDecisionOverdue',
  { procedureId: string; decisionId: string; deadline: string; dueAt: string }
>;

/** Without `step`: the single escalation to the director of procedures scheduled before chains. */
export type EscalateToDirector = Command<
  'EscalateToDirector',
  { procedureId: string; subject: OverdueSubject; dueAt: string; step?: number; to?: EscalationAddressee }
>;

export type RemindOfWindow = Command<
  'RemindOfWindow',
  { procedureId: string; from: string; daysBefore: number; dueAt: string }
>;

export type RecordNotificationSent = Command<'RecordNotificationSent', NotificationSent['data']>;

export type RecordNotificationFailed = Command<'RecordNotificationFailed', NotificationFailed['data']>;

export type TimerCommand =
  MarkStageOverdue | RemindOfDecision | MarkDecisionOverdue | EscalateToDirector | RemindOfWindow;

export type ProcedureCommand =
  | ScheduleProcedure
  | RescheduleProcedure
  | ReassignProcedure
  | MarkProcedurePerformed
  | RecordAnalysis
  | RecordDiscussion
  | AdoptDecisions
  | NoteResultsWithoutDecision
  | ExecuteDecision
  | ExtendDecisionDeadline
  | CancelDecision
  | ReassignProcedureDecision
  | RequestRecheck
  | CancelProcedure
  | CloseProcedure
  | TimerCommand
  | RecordNotificationSent
  | RecordNotificationFailed;
export type ProcedureCommandType = ProcedureCommand['type'];
