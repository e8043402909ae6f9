import type { DomainEvent } from '../shared';
import type { ProcedurePredecessor } from '../procedure/events';
import type { DateWindow, Direction, Responsible } from '../procedure/values';
import type { PastWindowDecision } from './past-windows';

/*
 * Plan-level facts, in the stream `plan-<schoolId>-<academicYear>`. The procedures themselves live in their own
 * streams; these events record which table they came from, what the administration approved and what changed
 * from one approved version of the plan to the next.
 */

/** One procedure as the approved plan has it: enough to compare with a revised plan without other events. */
export interface PlannedProcedure {
  procedureId: string;
  /** Stable identity of the source row (normalised indicator/object/method + ordinal); see ADR 0004. */
  rowKey: string;
  /** 1-based row number in the imported file. */
  sourceRow: number;
  title: string;
  direction: Direction;
  indicator?: string;
  object?: string;
  method?: string;
  resultForm?: string;
  responsible: Responsible;
  window: DateWindow;
  /** «январь, март» in one row: occurrence 1 of 2, 2 of 2. */
  occurrence: { index: number; of: number };
  /** Adopted from this district template; the school's own file never touches such procedures. */
  templateId?: string;
  /** Copied from last year's plan: the procedure this one continues (ProcedureScheduled carries it on). */
  predecessor?: ProcedurePredecessor;
  /** The first procedure of the chain of predecessors; set with `predecessor`. */
  lineageId?: string;
  /**
   * The deadline as written when it named school periods («по итогам I четверти», «в каникулы»): next year's copy
   * reads it again against next year's calendar instead of moving the dates by weekdays.
   */
  periodPhrase?: string;
}

/** A source row that could not become a procedure by itself: kept in the log, never silently dropped. */
export interface UnscheduledRow {
  sourceRow: number;
  code: string;
  text: string;
}

export interface PlanSource {
  fileName: string;
  /** `plan`: copied from the school's approved plan of the year before (next year's plan). */
  format: 'docx' | 'xlsx' | 'csv' | 'json' | 'plan';
  sha256: string;
  rows: number;
}

export type PlanImported = DomainEvent<
  'PlanImported',
  {
    planId: string;
    schoolId: string;
    academicYear: string;
    importId: string;
    source: PlanSource;
    procedures: number;
    unscheduled: UnscheduledRow[];
    warnings: number;
    /** Set when the plan came from a district template rather than a school's file. */
    templateId?: string;
    templateVersion?: number;
  }
>;

export interface PlanChanges {
  added: string[];
  rescheduled: Array<{ procedureId: string; from: DateWindow; to: DateWindow }>;
  cancelled: Array<{ procedureId: string; reason: string }>;
  /** Same procedure id, same window, other wording: no command changes these, so they are only reported. */
  amended: string[];
  unchanged: number;
}

/** Which version of a district template a school took into its plan, and which of its rows. */
export interface TemplateAdoption {
  templateId: string;
  districtId: string;
  title: string;
  version: number;
  rowKeys: string[];
}

export type PlanApproved = DomainEvent<
  'PlanApproved',
  {
    planId: string;
    importId: string;
    /** The whole approved plan: the school's own rows and every adopted template's. */
    procedures: PlannedProcedure[];
    changes: PlanChanges;
    /** Present when this approval adopted a template (or a revision of it). */
    template?: TemplateAdoption;
    /** New rows whose window had already ended, and what the director said became of each (mid-year import). */
    pastWindows?: PastWindowDecision[];
  }
>;

export type PlanEvent = PlanImported | PlanApproved;
