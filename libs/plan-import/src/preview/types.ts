import type { DateWindow, Direction, PlannedProcedure } from '@vsoko/domain';
import type { Recurrence } from '../deadlines/parse-deadline';
import type { PeriodSource } from '../deadlines/periods';
import type { SourceFormat } from '../readers/source-table';

export interface RowWarning {
  /** 0 for a warning about the whole file (its heading), not one row. */
  row: number;
  code: string;
  message: string;
}

/** What one source row became. `warning`: a row with content that is not (yet) a procedure. */
export type RowOutcome = 'procedure' | 'section' | 'header' | 'empty' | 'warning';

export interface PreviewEntry {
  row: number;
  location: string;
  became: RowOutcome;
  /** The row's cells joined with « | », shortened: enough to recognise it. */
  text: string;
  /** The heading for a section row; for other rows, the sections in force («ОКТЯБРЬ › КАЧЕСТВО …»). */
  section?: string;
  direction?: Direction;
  responsible?: { text: string; roles: string[]; unknown: string[] };
  /** `period`: the school periods the text named, and whose calendar gave their dates. */
  deadline?: {
    text: string;
    kind: string;
    recurrence?: Recurrence;
    period?: { label: string; source: PeriodSource };
  };
  window?: DateWindow;
  occurrences?: DateWindow[];
  procedureIds?: string[];
  warnings: RowWarning[];
}

export interface PlanPreview {
  importId: string;
  schoolId: string;
  academicYear: string;
  /** Who named the year: the request (`--year`, academicYear), the plan's heading, or nobody (the default). */
  academicYearFrom: 'request' | 'heading' | 'default';
  /** The heading line that named a year, as written. */
  heading?: string;
  /** `plan`: the preview copies an approved plan to the next year rather than reading a file. */
  source: { fileName: string; format: SourceFormat | 'plan'; sha256: string; rows: number };
  layout: string;
  /**
   * The calendar terms and holidays in deadlines were read against: the school's own for the year, the shipped
   * default when it has none (a warning says so), or none at all (fixed month spans).
   */
  calendar?: { source: PeriodSource; academicYear: string };
  entries: PreviewEntry[];
  procedures: PlannedProcedure[];
  warnings: RowWarning[];
  summary: Record<RowOutcome, number> & { procedures: number; warnings: number };
}
