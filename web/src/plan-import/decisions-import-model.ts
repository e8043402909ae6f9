import type { MeetingLevel } from '../api/domain';

/** What `POST /decisions/imports` answers: every meeting and decision the report gives, as they would be written. */
export interface DecisionsImportPreview {
  importId: string;
  schoolId: string;
  academicYear: string;
  timeZone: string;
  fileName: string;
  counts: { meetings: number; decisions: number; skipped: number; warnings: number; recorded: number };
  meetings: {
    number: string;
    row: number;
    levelAsWritten: string;
    dateAsWritten: string;
    meetingId: string;
    level: MeetingLevel;
    recorded: boolean;
    decisions: {
      row: number;
      decisionId: string;
      number: number;
      wording: string;
      executors: { lead: { name: string }; coExecutors: { name: string }[]; asWritten?: string };
      deadline: { asWritten?: string };
      warnings: string[];
      recorded: boolean;
    }[];
    skipped: { row: number; number: number; wording: string; reason: string }[];
  }[];
  rows: { row: number; location: string; became: string; message?: string }[];
}

/** What `POST /decisions/imports/:id/approval` answers. */
export interface DecisionsImportApproval {
  meetings: { recorded: number; already: number };
  decisions: { recorded: number; already: number; skipped: number };
  failed: { row: number; meetingId: string; decisionId?: string; code: string; message: string }[];
  position: number;
}

/** «заседаний 8, решений 23; без ответственного 1; уже в журнале 0» */
export function previewSummary(p: DecisionsImportPreview): string {
  const parts = [`заседаний ${p.counts.meetings}`, `решений ${p.counts.decisions}`];
  if (p.counts.skipped) parts.push(`не записываются (нет ответственного) ${p.counts.skipped}`);
  if (p.counts.warnings) parts.push(`предупреждений ${p.counts.warnings}`);
  parts.push(`уже в журнале ${p.counts.recorded}`);
  return parts.join('; ');
}

/** The decisions an approval would write now: those not in the log yet. */
export function toWrite(p: DecisionsImportPreview): number {
  return p.counts.decisions - p.counts.recorded;
}

export function approvalLines(a: DecisionsImportApproval): string[] {
  return [
    `Заседаний записано: ${a.meetings.recorded}${a.meetings.already ? `, уже были: ${a.meetings.already}` : ''}`,
    `Решений записано: ${a.decisions.recorded}${a.decisions.already ? `, уже были: ${a.decisions.already}` : ''}`,
    ...(a.decisions.skipped ? [`Не записано (нет ответственного): ${a.decisions.skipped}`] : []),
    ...(a.failed.length ? [`Не записано из-за ошибок: ${a.failed.length}`] : []),
  ];
}
