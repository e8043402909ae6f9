import type { MeetingDate } from '../meeting/values';
import type { ProcedureScheduled } from '../procedure/events';
import type { DateWindow, MeetingLevel, Responsible } from '../procedure/values';

/**
 * A deadline in the shapes schools write them (seed 002), parsed; the text as written travels beside it:
 * - `date`: one day;
 * - `months`: «октябрь–декабрь 2023» — due at the end of the last month, the window shown as written;
 * - `year`: «в течение года» — due at the end of the school year, with progress check-ins at each term's end;
 * - `standing`: «постоянно», «по мере поступления», «ежемесячно» — never due as a whole; a check-in every
 *   period from `from` on, and each missed check-in is a fact of its own;
 * - `none`: «без срока» or a blank cell — shown as such and listed for the director to set.
 */
export type DecisionDeadline =
  | { kind: 'date'; due: string }
  | { kind: 'months'; from: string; to: string; due: string }
  | { kind: 'year'; academicYear: string; due: string; checkIns: string[] }
  | { kind: 'standing'; every: CheckInPeriod; from: string }
  | { kind: 'none' };
export type DeadlineKind = DecisionDeadline['kind'];

export const CHECK_IN_PERIODS = ['week', 'month'] as const;
export type CheckInPeriod = (typeof CHECK_IN_PERIODS)[number];

export interface Deadline {
  /** «Октябрь-декабрь 2023г» exactly as the protocol or the report has it; absent when entered as a date. */
  asWritten?: string;
  parsed: DecisionDeadline;
}

export const DEADLINE_KIND_TITLES: Record<DeadlineKind, string> = {
  date: 'к дате',
  months: 'в течение месяцев',
  year: 'в течение учебного года',
  standing: 'постоянно',
  none: 'без срока',
};

/** One lead answers for the decision; the others co-execute. `asWritten` keeps the report's cell. */
export interface Executors {
  lead: Responsible;
  coExecutors: Responsible[];
  asWritten?: string;
}

/** Classes as written («1-6», «3,4», «4А») and as the list they mean. */
export interface ClassScope {
  asWritten: string;
  classes: string[];
}

export interface DecisionScope {
  classes?: ClassScope;
  subjects?: string[];
  teachers?: string[];
}

export type AdoptedBy =
  | {
      kind: 'meeting';
      meetingId: string;
      level: MeetingLevel;
      date: MeetingDate;
      protocolNumber?: number;
    }
  | { kind: 'order'; orderNumber: string; date: string };

export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** 20 MiB: a scanned order or a protocol of a few pages; larger files are usually photos to compress. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export type EvidenceRef =
  | { kind: 'file'; sha256: string; fileName: string; mediaType: EvidenceMediaType; size: number }
  | { kind: 'link'; url: string };

export interface Evidence {
  evidenceId: string;
  ref: EvidenceRef;
  /** The school day the evidence is about (the order's date), not the day it was uploaded. */
  about: string;
  attachedOn: string;
  description?: string;
}

export const VERDICTS = ['effective', 'partly', 'not-effective'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_TITLES: Record<Verdict, string> = {
  effective: 'эффективно',
  partly: 'частично эффективно',
  'not-effective': 'неэффективно',
};

export const DECISION_STATUSES = ['none', 'open', 'executed', 'assessed', 'reopened', 'withdrawn'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const DECISION_STATUS_TITLES: Record<DecisionStatus, string> = {
  none: 'не принято',
  open: 'на исполнении',
  executed: 'исполнено',
  assessed: 'эффективность оценена',
  reopened: 'неэффективно: вопрос открыт снова',
  withdrawn: 'отменено',
};

/** What a re-check repeats of a procedure the decision is linked to: read from that procedure's own schedule. */
export type RecheckParent = Pick<
  ProcedureScheduled['data'],
  'procedureId' | 'title' | 'direction' | 'indicator' | 'object' | 'method' | 'resultForm' | 'responsible'
>;

/**
 * «Не эффективно» asks for the assessment to be repeated: one re-check procedure per linked procedure, in the
 * window given, or from the assessment for 30 days (within the academic year) when none is.
 */
export interface RecheckRequest {
  of: RecheckParent[];
  window?: DateWindow;
}

/** A re-check's schedule exactly as its procedure is scheduled (parentProcedureId names the linked procedure). */
export type RecheckSchedule = ProcedureScheduled['data'];
