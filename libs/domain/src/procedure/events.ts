import type { DomainEvent } from '../shared';
import type { ResultUse } from './result-use';
import type { ProcedureChase } from './timers';
import type {
  ActiveStatus,
  DateWindow,
  EscalationAddressee,
  ReminderSettings,
  Direction,
  DocumentRef,
  Figure,
  Meeting,
  NotificationChannel,
  NotificationTopic,
  OverdueSubject,
  Responsible,
  Stage,
} from './values';

/*
 * What happened to a procedure. Who did it and when is in each event's metadata; the data carries everything
 * a projection or the ВСОКО report needs without looking at other events. Dates are the school's calendar
 * days (YYYY-MM-DD).
 */

export type ProcedureScheduled = DomainEvent<
  'ProcedureScheduled',
  {
    procedureId: string;
    schoolId: string;
    academicYear: string;
    title: string;
    direction: Direction;
    indicator?: string;
    object?: string;
    method?: string;
    resultForm?: string;
    /**
     * 'document': the results end in a document (information for the site, the paperwork, a list) and the
     * procedure closes after its analysis. Absent: they go to a meeting, as for every procedure scheduled before
     * this was recorded. Decided once, at scheduling, from the command or the plan row's result form.
     */
    resultUse?: ResultUse;
    responsible: Responsible;
    window: DateWindow;
    timeZone: string;
    parentProcedureId?: string;
    /** The school's reminder settings when the procedure was scheduled; the defaults (7 and 1 days, 3 days' grace) when absent. */
    reminders?: ReminderSettings;
    /**
     * ISO instant before which no lateness of this procedure is announced: a row whose window had already ended
     * when a plan was approved mid-year, and that the director kept as overdue. Escalation follows the grace
     * period after it. Staggered across such rows, so that an import never mails a burst.
     */
    watchFrom?: string;
    /**
     * The same row of the school's plan a year earlier, when this procedure was copied from it into the next
     * year's plan: the link that makes the dynamics of one indicator across years one query (by `lineageId`).
     */
    predecessor?: ProcedurePredecessor;
    /** The first procedure of the chain of predecessors (itself when it has none); set with `predecessor`. */
    lineageId?: string;
    /**
     * The school's escalation chain and working days when the procedure was scheduled (issue 15). Absent for
     * procedures scheduled before chains: lateness goes to the director once, dates count as written.
     */
    chase?: ProcedureChase;
  }
>;

/** Last year's procedure this one continues, as it stood when the plan was copied. */
export interface ProcedurePredecessor {
  procedureId: string;
  academicYear: string;
  title: string;
}

export type ProcedureRescheduled = DomainEvent<
  'ProcedureRescheduled',
  { procedureId: string; previousWindow: DateWindow; window: DateWindow; reason: string }
>;

/**
 * Someone else answers for the procedure from now on (its responsible left or changed position), with the
 * reason; reminders and lateness go to the new responsible.
 */
export type ProcedureReassigned = DomainEvent<
  'ProcedureReassigned',
  { procedureId: string; previous: Responsible; responsible: Responsible; reason: string }
>;

/**
 * A decision adopted on the procedure (before decisions were records of their own) is answered for by someone
 * else from now on, with the reason: its reminders and lateness go to the new responsible.
 */
export type ProcedureDecisionReassigned = DomainEvent<
  'ProcedureDecisionReassigned',
  { procedureId: string; decisionId: string; previous: Responsible; responsible: Responsible; reason: string }
>;

export type ProcedurePerformed = DomainEvent<
  'ProcedurePerformed',
  { procedureId: string; performedOn: string; performedBy: Responsible; collected: string[] }
>;

export type AnalysisRecorded = DomainEvent<
  'AnalysisRecorded',
  { procedureId: string; analysedOn: string; document: DocumentRef; findings: string[]; figures: Figure[] }
>;

export type DiscussionRecorded = DomainEvent<'DiscussionRecorded', { procedureId: string; meeting: Meeting }>;

export interface AdoptedDecision {
  decisionId: string;
  wording: string;
  deadline: string;
  responsible: Responsible;
}

export type DecisionsAdopted = DomainEvent<
  'DecisionsAdopted',
  {
    procedureId: string;
    /** The meeting whose protocol holds the decisions (repeated here for the report of 002). */
    meeting: Meeting;
    decisions: AdoptedDecision[];
    /** The school day the decisions were entered: reminders due before it are not sent. */
    recordedOn: string;
  }
>;

export type ResultsNotedWithoutDecision = DomainEvent<
  'ResultsNotedWithoutDecision',
  { procedureId: string; meeting: Meeting; note?: string }
>;

export type DecisionExecuted = DomainEvent<
  'DecisionExecuted',
  {
    procedureId: string;
    decisionId: string;
    executedOn: string;
    evidence: { description: string; document?: DocumentRef };
  }
>;

export type DecisionDeadlineExtended = DomainEvent<
  'DecisionDeadlineExtended',
  {
    procedureId: string;
    decisionId: string;
    previousDeadline: string;
    deadline: string;
    reason: string;
    /** The school day of the extension: reminders for the new deadline due before it are not sent. */
    extendedOn: string;
  }
>;

export type DecisionCancelled = DomainEvent<
  'DecisionCancelled',
  { procedureId: string; decisionId: string; reason: string }
>;

/** A decision asks for a re-check: `child` is exactly what the child procedure is scheduled with. */
export type RecheckRequested = DomainEvent<
  'RecheckRequested',
  { procedureId: string; decisionId: string; child: ProcedureScheduled['data'] }
>;

export type ProcedureCancelled = DomainEvent<
  'ProcedureCancelled',
  { procedureId: string; reason: string; cancelledInStatus: ActiveStatus }
>;

/** `withoutMeeting`: closed at its analysis, because its results end in a document (result use 'document'). */
export type ProcedureClosed = DomainEvent<
  'ProcedureClosed',
  { procedureId: string; withoutMeeting?: { resultForm?: string } }
>;

export type StageOverdue = DomainEvent<
  'StageOverdue',
  { procedureId: string; stage: Stage; dueDate: string; responsible: Responsible }
>;

export type DecisionReminderDue = DomainEvent<
  'DecisionReminderDue',
  {
    procedureId: string;
    decisionId: string;
    wording: string;
    deadline: string;
    daysBefore: number;
    responsible: Responsible;
  }
>;

export type DecisionOverdue = DomainEvent<
  'DecisionOverdue',
  { procedureId: string; decisionId: string; wording: string; deadline: string; responsible: Responsible }
>;

/** `responsible` is who was late; the director is whoever holds the role when the notice goes out. */
/**
 * The lateness goes on. With a chain, step `step` chases `to` (the type keeps its first name: before chains
 * every escalation went to the director).
 */
export type EscalatedToDirector = DomainEvent<
  'EscalatedToDirector',
  {
    procedureId: string;
    subject: OverdueSubject;
    responsible: Responsible;
    step?: number;
    to?: EscalationAddressee;
  }
>;

/** The window opens in `daysBefore` days: the responsible is told to prepare (on a working day). */
export type WindowApproaching = DomainEvent<
  'WindowApproaching',
  { procedureId: string; window: DateWindow; daysBefore: number; responsible: Responsible }
>;

interface NotificationOutcome {
  procedureId: string;
  /** Stable id of one notification (e.g. derived from the event it announces); attempts share it. */
  notificationId: string;
  channel: NotificationChannel;
  recipient: string;
  /** 1 for the first try. */
  attempt: number;
  about: NotificationTopic;
}

export type NotificationSent = DomainEvent<'NotificationSent', NotificationOutcome>;

export type NotificationFailed = DomainEvent<
  'NotificationFailed',
  NotificationOutcome & { error: string; willRetry: boolean }
>;

export type ProcedureEvent =
  | ProcedureScheduled
  | ProcedureRescheduled
  | ProcedureReassigned
  | ProcedurePerformed
  | AnalysisRecorded
  | DiscussionRecorded
  | DecisionsAdopted
  | ResultsNotedWithoutDecision
  | DecisionExecuted
  | DecisionDeadlineExtended
  | DecisionCancelled
  | ProcedureDecisionReassigned
  | RecheckRequested
  | ProcedureCancelled
  | ProcedureClosed
  | StageOverdue
  | DecisionReminderDue
  | DecisionOverdue
  | EscalatedToDirector
  | WindowApproaching
  | NotificationSent
  | NotificationFailed;
export type ProcedureEventType = ProcedureEvent['type'];

/** Every procedure event type, once; the mapped type below makes the compiler reject a list that misses one. */
const EVENT_TYPES = {
  ProcedureScheduled: true,
  ProcedureRescheduled: true,
  ProcedureReassigned: true,
  ProcedurePerformed: true,
  AnalysisRecorded: true,
  DiscussionRecorded: true,
  DecisionsAdopted: true,
  ResultsNotedWithoutDecision: true,
  DecisionExecuted: true,
  DecisionDeadlineExtended: true,
  DecisionCancelled: true,
  ProcedureDecisionReassigned: true,
  RecheckRequested: true,
  ProcedureCancelled: true,
  ProcedureClosed: true,
  StageOverdue: true,
  DecisionReminderDue: true,
  DecisionOverdue: true,
  EscalatedToDirector: true,
  WindowApproaching: true,
  NotificationSent: true,
  NotificationFailed: true,
} satisfies Record<ProcedureEventType, true>;

export const PROCEDURE_EVENT_TYPES = Object.keys(EVENT_TYPES) as ProcedureEventType[];
