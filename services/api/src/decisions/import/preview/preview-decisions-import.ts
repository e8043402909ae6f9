import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  decisionDecider,
  decisionStreamName,
  meetingDecider,
  meetingStreamName,
  schoolSettingsDecider,
  schoolStreamName,
  ValidationFailed,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { importedRecords } from '@vsoko/plan-import';
import { createHash } from 'node:crypto';
import type { Clock } from '../../../infrastructure/clock';
import { CLOCK } from '../../../infrastructure/tokens';
import { PlanParser } from '../../../plans/upload/plan-parser';
import { DecisionsImportStore } from '../decisions-import-store';
import { requireImporterOf, type DecisionsImportPreview } from '../decisions-import-preview';

export interface DecisionsImportUpload {
  schoolId: string;
  academicYear: string;
  timeZone: string;
  fileName: string;
  bytes: Buffer;
  staffJson?: string;
}

/**
 * Step one of onboarding from the school's own report (seed 002's shape): the file is read in the parsing
 * threads within the upload limits, turned into the records an approval would write (the same ids as the CLI's
 * `decisions import`), each marked as already in the log or not. Writes no event; the preview waits for approval.
 */
@Injectable()
export class PreviewDecisionsImport {
  constructor(
    private readonly parser: PlanParser,
    private readonly handler: DeciderHandler,
    private readonly store: DecisionsImportStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(upload: DecisionsImportUpload, principal: Principal): Promise<DecisionsImportPreview> {
    const actor = requireImporterOf(principal, upload.schoolId);
    if (upload.bytes.length === 0) {
      throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл отчёта (поле file)');
    }
    // The school's calendar for the year, so terms in deadlines are its own (the default's without one).
    const settings = await this.handler.load(schoolStreamName(upload.schoolId), schoolSettingsDecider);
    const calendar = settings.state.calendars?.[upload.academicYear]?.calendar;
    const report = await this.parser.decisionsReport(
      {
        fileName: upload.fileName,
        bytes: upload.bytes,
        academicYear: upload.academicYear,
        ...(calendar ? { calendar } : {}),
      },
      upload.staffJson,
    );
    const meetings: DecisionsImportPreview['meetings'] = [];
    for (const record of importedRecords(report, upload.schoolId)) {
      const meeting = await this.handler.load(meetingStreamName(record.meetingId), meetingDecider);
      const decisions = [];
      for (const d of record.decisions) {
        const decision = await this.handler.load(decisionStreamName(d.decisionId), decisionDecider);
        decisions.push({ ...d, recorded: decision.state.status !== 'none' });
      }
      meetings.push({ ...record, recorded: meeting.state.status !== 'none', decisions });
    }
    const preview: DecisionsImportPreview = {
      importId: '',
      schoolId: upload.schoolId,
      academicYear: report.academicYear,
      timeZone: upload.timeZone,
      fileName: upload.fileName,
      counts: {
        meetings: meetings.length,
        decisions: meetings.reduce((n, m) => n + m.decisions.length, 0),
        skipped: meetings.reduce((n, m) => n + m.skipped.length, 0),
        warnings: report.counts.warnings,
        recorded: meetings.reduce((n, m) => n + m.decisions.filter((d) => d.recorded).length, 0),
      },
      meetings,
      rows: report.rows,
    };
    const importId = await this.store.save(contentKeyOf(upload), {
      preview,
      uploadedBy: actor,
      uploadedAt: this.clock.now().toISOString(),
    });
    return { ...preview, importId };
  }
}

/** The same report, school, year, time zone and staff list find the same stored preview again. */
function contentKeyOf(upload: DecisionsImportUpload): string {
  const hash = createHash('sha256');
  for (const part of [upload.schoolId, upload.academicYear, upload.timeZone, upload.staffJson ?? '']) {
    hash.update(part).update('\0');
  }
  return hash.update(upload.bytes).digest('hex');
}
