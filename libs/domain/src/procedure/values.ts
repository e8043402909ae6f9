export const DIRECTIONS = ['results', 'process', 'conditions', 'satisfaction'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Russian names as the plans write them: «качество образовательных результатов» … */
export const DIRECTION_TITLES: Record<Direction, string> = {
  results: 'Качество образовательных результатов',
  process: 'Качество образовательного процесса',
  conditions: 'Качество условий реализации образовательных программ',
  satisfaction: 'Удовлетворённость потребителей',
};

/** A calendar window in the school's own days, inclusive on both ends (YYYY-MM-DD). */
export interface DateWindow {
  from: string;
  to: string;
}

/** Who answers for a piece of work: a role from the staff directory, a named person, or both. */
export interface Responsible {
  role?: string;
  personId?: string;
  name: string;
}

/** Where results are considered and decisions adopted: the closed list of meeting levels the plans use. */
export const MEETING_LEVELS = [
  'pedagogical-council',
  'methodical-council',
  'subject-association',
  'director-meeting',
  'parent-meeting',
  'prevention-council',
  'class-teachers-meeting',
  'governing-council',
] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];

export const MEETING_LEVEL_TITLES: Record<MeetingLevel, string> = {
  'pedagogical-council': 'Педагогический совет',
  'methodical-council': 'Методический совет',
  'subject-association': 'Заседание ШМО',
  'director-meeting': 'Совещание при директоре',
  'parent-meeting': 'Родительское собрание',
  'prevention-council': 'Совет профилактики',
  'class-teachers-meeting': 'Совещание с классными руководителями',
  'governing-council': 'Управляющий совет',
};

/**
 * A meeting as its protocol records it. `meetingId` is set when the discussion came from a Meeting aggregate
 * (one held meeting gives every procedure on its agenda this stage); `dateAsWritten` keeps a date the protocol
 * gives only as a month («Август 2023»), `heldOn` being the day the system took it for. Events recorded before
 * meetings were aggregates have neither.
 */
export interface Meeting {
  level: MeetingLevel;
  heldOn: string;
  protocolNumber: string;
  meetingId?: string;
  dateAsWritten?: string;
}

/** A document produced or used as proof: its title as people cite it, and where to find it. */
export interface DocumentRef {
  title: string;
  reference?: string;
}

/** One number of an analytical report, e.g. «качество знаний по математике, 4 класс» = 62 %. */
export interface Figure {
  indicator: string;
  value: number;
  unit?: string;
}

/** The stages whose lateness the system watches, each named after the work it waits for. */
export const STAGES = ['performance', 'analysis', 'discussion', 'decision'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_TITLES: Record<Stage, string> = {
  performance: 'проведение',
  analysis: 'анализ результатов',
  discussion: 'обсуждение результатов',
  decision: 'принятие решений',
};

export const NOTIFICATION_CHANNELS = ['email', 'webhook', 'in-app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Where a procedure stands; a procedure that was never scheduled is 'none'. */
export const PROCEDURE_STATUSES = [
  'none',
  'scheduled',
  'performed',
  'analysed',
  'discussed',
  'following-up',
  'closed',
  'cancelled',
] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];
/** The statuses in which work still goes on and a procedure can be cancelled. */
export type ActiveStatus = Exclude<ProcedureStatus, 'none' | 'closed' | 'cancelled'>;

export const PROCEDURE_STATUS_TITLES: Record<ProcedureStatus, string> = {
  none: 'не запланирована',
  scheduled: 'запланирована',
  performed: 'проведена',
  analysed: 'результаты проанализированы',
  discussed: 'результаты обсуждены',
  'following-up': 'исполнение решений',
  closed: 'закрыта',
  cancelled: 'отменена',
};

/** The system commands a workflow fires on timers, by kind. */
export type TimerKind =
  'stage-overdue' | 'decision-reminder' | 'decision-overdue' | 'escalation' | 'preparation-reminder';

/** What was late: a stage of the procedure or one of its decisions. */
export type OverdueSubject =
  | { kind: 'stage'; stage: Stage; dueDate: string }
  | { kind: 'decision'; decisionId: string; deadline: string };

/** What a notification was about, so its outcome can be traced to the fact that caused it. */
export interface NotificationTopic {
  kind: TimerKind;
  stage?: Stage;
  decisionId?: string;
  daysBefore?: number;
}

/** Who is chased at a step of an escalation chain: the responsible, a deputy, the director, the district's inspector. */
export const ESCALATION_ADDRESSEES = ['responsible', 'deputy', 'director', 'inspector'] as const;
export type EscalationAddressee = (typeof ESCALATION_ADDRESSEES)[number];

export const ESCALATION_ADDRESSEE_TITLES: Record<EscalationAddressee, string> = {
  responsible: 'ответственный',
  deputy: 'заместитель директора',
  director: 'директор',
  inspector: 'инспектор района',
};

/** One step after a missed deadline: `afterDays` days after it (moved to a working day), `to` is chased. */
export interface EscalationStep {
  afterDays: number;
  to: EscalationAddressee;
}

/**
 * Per school: how many days before a decision's deadline to remind, and how long after it to escalate. The
 * optional fields are the escalation chain (issue 15); settings recorded before it lack them and mean the
 * defaults of `DEFAULT_CHASE`.
 */
export interface ReminderSettings {
  daysBefore: number[];
  escalationGraceDays: number;
  /** Days before a window opens at which the responsible is told to prepare. */
  preparationDaysBefore?: number[];
  /** Steps after a missed deadline, in order of `afterDays`. */
  escalation?: EscalationStep[];
  /** After the last step the last addressee is chased again every so many days; 0 stops after the last step. */
  repeatEveryDays?: number;
  /** A window's end or a deadline on a day off: moved to the next working day (default) or kept. */
  dayOffPolicy?: 'next-working-day' | 'keep';
}

/** The chain a school gets until its director changes it. */
export const DEFAULT_CHASE = {
  preparationDaysBefore: [3],
  escalation: [
    { afterDays: 1, to: 'responsible' },
    { afterDays: 3, to: 'deputy' },
    { afterDays: 5, to: 'director' },
    { afterDays: 10, to: 'inspector' },
  ],
  repeatEveryDays: 7,
  dayOffPolicy: 'next-working-day',
} as const satisfies Required<Omit<ReminderSettings, 'daysBefore' | 'escalationGraceDays'>>;

export const REMINDER_LIMITS = {
  maxDaysBefore: 60,
  maxReminders: 5,
  maxGraceDays: 30,
  maxSteps: 8,
  maxAfterDays: 90,
  maxRepeatDays: 60,
} as const;
