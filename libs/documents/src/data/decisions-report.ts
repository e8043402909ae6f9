import type { SchoolHeading } from '../school-heading';

/** One row of the school's report, section 1: a meeting's first row carries its №, level and date. */
export interface DecisionsReportRow {
  n: string;
  level: string;
  date: string;
  decision: string;
  deadline: string;
  responsible: string;
  status: string;
  executedOn: string;
  effectiveness: string;
}

/** Section 2: a measure (a decision that names classes, subjects or teachers); the first row carries № and year. */
export interface MeasureRow {
  n: string;
  year: string;
  measure: string;
  classes: string;
  subjects: string;
  teachers: string;
  adopted: string;
  status: string;
  executedOn: string;
  effectiveness: string;
}

/** Section 3: one figure of an analysis on its line of dynamics; a line's first row carries № and indicator. */
export interface DynamicsRow {
  n: string;
  indicator: string;
  procedure: string;
  year: string;
  analysedOn: string;
  value: string;
  unit: string;
  change: string;
  document: string;
}

export interface DecisionsReportData extends SchoolHeading {
  academicYear: string;
  generatedOn: string;
  meetingsCount: number;
  decisionsCount: number;
  rows: DecisionsReportRow[];
  measuresCount: number;
  measures: MeasureRow[];
  indicatorsCount: number;
  dynamics: DynamicsRow[];
  compiledBy: string;
}

export function decisionsReportData(input: {
  heading: SchoolHeading;
  academicYear: string;
  generatedOn: string;
  rows: DecisionsReportRow[];
  measures: MeasureRow[];
  dynamics: DynamicsRow[];
  compiledBy: string;
}): DecisionsReportData {
  return {
    ...input.heading,
    academicYear: input.academicYear,
    generatedOn: input.generatedOn,
    meetingsCount: input.rows.filter((r) => r.n !== '').length,
    decisionsCount: input.rows.filter((r) => r.decision !== '').length,
    rows: input.rows,
    measuresCount: input.measures.length,
    measures: input.measures,
    indicatorsCount: input.dynamics.filter((r) => r.n !== '').length,
    dynamics: input.dynamics,
    compiledBy: input.compiledBy,
  };
}
