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

export interface DecisionsReportData {
  school: string;
  academicYear: string;
  generatedOn: string;
  meetingsCount: number;
  decisionsCount: number;
  rows: DecisionsReportRow[];
}

export function decisionsReportData(input: {
  schoolId: string;
  academicYear: string;
  generatedOn: string;
  rows: DecisionsReportRow[];
}): DecisionsReportData {
  return {
    school: input.schoolId,
    academicYear: input.academicYear,
    generatedOn: input.generatedOn,
    meetingsCount: input.rows.filter((r) => r.n !== '').length,
    decisionsCount: input.rows.filter((r) => r.decision !== '').length,
    rows: input.rows,
  };
}
