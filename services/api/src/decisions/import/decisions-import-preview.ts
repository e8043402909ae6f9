import type { Actor } from '@vsoko/domain';
import type { ImportedDecisionRecord, ImportedMeetingRecord, ReportRowEntry } from '@vsoko/plan-import';
import { isAdministrator, Forbidden } from '@vsoko/domain';
import { actorOf, canActFor, type Principal } from '@vsoko/accounts';

/**
 * What an uploaded report would become, before anything is written: each meeting and decision under the id it
 * will be recorded with, and whether the log already holds it (recorded by an earlier approval or by the CLI);
 * every row of the file accounted for in `rows`.
 */
export interface DecisionsImportPreview {
  importId: string;
  schoolId: string;
  academicYear: string;
  timeZone: string;
  fileName: string;
  counts: { meetings: number; decisions: number; skipped: number; warnings: number; recorded: number };
  meetings: Array<
    Omit<ImportedMeetingRecord, 'decisions'> & {
      recorded: boolean;
      decisions: Array<ImportedDecisionRecord & { recorded: boolean }>;
    }
  >;
  rows: ReportRowEntry[];
}

/**
 * The school's administration enters its past decisions, checked inside the use case with the school the upload
 * names or the stored preview carries: a multipart body is parsed after the guard, which never sees it.
 */
export function requireImporterOf(principal: Principal, schoolId: string): Actor {
  if (!canActFor(principal, schoolId)) {
    throw new Forbidden('SCHOOL_MISMATCH', 'Нельзя читать или менять данные другой школы', { schoolId });
  }
  const actor = actorOf(principal);
  if (!isAdministrator(actor)) {
    throw new Forbidden(
      'ACTOR_NOT_ALLOWED',
      'Загрузить решения прежних заседаний может только администрация: директор или заместитель',
    );
  }
  return actor;
}
