import type { AgendaItem, Deadline, Executors, MeetingDate, MeetingLevel } from '@vsoko/domain';
import type { DecisionsReportPreview } from './read-report';

/**
 * What recording a school's report writes, derived from the report alone: the ids of each meeting and decision
 * and the command id of each step come from the school, the year and the report's order. So the CLI (through
 * the API, `decisions import --yes`) and the API's approval of an uploaded report write the same records under
 * the same ids, and any repeat — the same run again, or the other path — finds its own records and writes
 * nothing twice.
 */
export interface ImportedMeetingRecord {
  /** The report's № of the meeting, and the row it is on. */
  number: string;
  row: number;
  levelAsWritten: string;
  dateAsWritten: string;
  meetingId: string;
  academicYear: string;
  level: MeetingLevel;
  association?: string;
  title?: string;
  date: MeetingDate;
  agenda: AgendaItem[];
  /** Command ids (Idempotency-Keys) of planning and holding the meeting. */
  planCommandId: string;
  heldCommandId: string;
  decisions: ImportedDecisionRecord[];
  /** Decisions of the report that are not recorded: no responsible was given or found above. */
  skipped: Array<{ row: number; number: number; wording: string; reason: string }>;
}

export interface ImportedDecisionRecord {
  row: number;
  decisionId: string;
  adoptCommandId: string;
  number: number;
  wording: string;
  executors: Executors;
  deadline: { asWritten?: string; parsed: Deadline['parsed'] };
  /** What the reader was unsure about (a responsible taken from the row above, a deadline read loosely). */
  warnings: string[];
}

/** The one agenda item of a meeting known only from its report: which procedures it discussed is not written. */
export const IMPORTED_AGENDA: readonly AgendaItem[] = [
  { itemId: 'item-1', title: 'Результаты оценочных процедур' },
];

export function importedRecords(preview: DecisionsReportPreview, schoolId: string): ImportedMeetingRecord[] {
  const year = preview.academicYear.replace('/', '-');
  return preview.meetings.map((m, i) => {
    const meetingId = `imp-${schoolId}-${year}-${i + 1}`.slice(0, 64);
    const decisions: ImportedDecisionRecord[] = [];
    const skipped: ImportedMeetingRecord['skipped'] = [];
    for (const d of m.decisions) {
      if (!d.executors) {
        skipped.push({
          row: d.row,
          number: d.number,
          wording: d.wording,
          reason: 'Ответственный не указан: решение не записывается',
        });
        continue;
      }
      const decisionId = `${meetingId}-${d.number}`.slice(0, 64);
      decisions.push({
        row: d.row,
        decisionId,
        adoptCommandId: `${decisionId}-adopt`,
        number: d.number,
        wording: d.wording,
        executors: d.executors,
        deadline: {
          ...(d.deadline.asWritten ? { asWritten: d.deadline.asWritten } : {}),
          parsed: d.deadline.parsed,
        },
        warnings: d.warnings,
      });
    }
    return {
      number: m.number,
      row: m.row,
      levelAsWritten: m.levelAsWritten,
      dateAsWritten: m.dateAsWritten,
      meetingId,
      academicYear: preview.academicYear,
      level: m.level,
      ...(m.association ? { association: m.association } : {}),
      ...(m.title ? { title: m.title } : {}),
      date: m.date,
      agenda: [...IMPORTED_AGENDA],
      planCommandId: `${meetingId}-plan`,
      heldCommandId: `${meetingId}-held`,
      decisions,
      skipped,
    };
  });
}
