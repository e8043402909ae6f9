import type { SchoolCalendar } from '@vsoko/domain';
import { outcomeOf, type WorkerOutcome } from '@vsoko/worker-pool';
import { readDecisionsReport, type DecisionsReportPreview } from '../decisions/read-report';
import { buildPreview, type PreviewInput } from '../preview/build-preview';
import { readSource } from '../readers';
import type { PlanPreview } from '../preview/types';
import { directoryFromJson } from '../staff/load-directory';
import { readStaffList, type StaffList } from '../staff-list/read-staff-list';
import type { UploadLimits } from '../readers/limits';
import { buildTemplate, type TemplateDraft, type TemplateInput } from '../templates/build-template';

/** What a parse is asked, as it crosses to a worker thread: plain data, the staff directory still as JSON. */
export type ParseTask =
  | { kind: 'preview'; input: Omit<PreviewInput, 'directory' | 'onProgress'>; staffJson?: string }
  | { kind: 'template'; input: Omit<TemplateInput, 'directory'>; staffJson?: string }
  | {
      kind: 'staff-list';
      input: { schoolId: string; fileName: string; bytes: Uint8Array; limits: UploadLimits };
    }
  | { kind: 'decisions-report'; input: DecisionsReportInput; staffJson?: string };

/** A school's own report of its meetings and decisions (seed 002's shape), read for the academic year named. */
export interface DecisionsReportInput {
  fileName: string;
  bytes: Uint8Array;
  academicYear: string;
  /** The school's calendar for that year, if it has one: terms in deadlines are read by it. */
  calendar?: SchoolCalendar;
  limits: UploadLimits;
}

export type ParseResult<T> = WorkerOutcome<T>;

/**
 * Runs in a worker thread (see parse-pool.ts) and answers JSON text of a `ParseResult`: plain data by
 * construction, in whatever context parses it (objects cloned by a message port belong to the main context,
 * which is not the one a test sandbox checks against). A refusal comes back as data, because an error's class
 * and code do not survive the thread boundary; anything else is thrown and fails the task.
 */
export default async function parse(task: ParseTask): Promise<string> {
  const result: ParseResult<PlanPreview | TemplateDraft | StaffList | DecisionsReportPreview> =
    await outcomeOf(async () => {
      if (task.kind === 'staff-list') {
        return readStaffList({ ...task.input, bytes: Buffer.from(task.input.bytes) });
      }
      const directory = directoryFromJson(task.staffJson);
      const bytes = Buffer.from(task.input.bytes);
      return task.kind === 'preview'
        ? buildPreview({ ...task.input, bytes, directory })
        : task.kind === 'template'
          ? buildTemplate({ ...task.input, bytes, directory })
          : readDecisionsReport((await readSource(task.input.fileName, bytes, task.input.limits)).rows, {
              academicYear: task.input.academicYear,
              directory,
              ...(task.input.calendar ? { calendar: task.input.calendar } : {}),
            });
    });
  return JSON.stringify(result);
}
