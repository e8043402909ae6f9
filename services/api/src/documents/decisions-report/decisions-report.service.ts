import { Inject, Injectable } from '@nestjs/common';
import { canRead, type Principal } from '@vsoko/accounts';
import { decisionsReportData, ruToday, signatory } from '@vsoko/documents';
import { NotFound } from '@vsoko/domain';
import {
  decisionRecordProjection,
  meetingProjection,
  procedureProjection,
  type DecisionRecordDocument,
  type MeetingDocument,
  type ProcedureDocument,
} from '@vsoko/projections';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { ReadModelReader } from '../../read-models/read-model-reader';
import { dynamicsReport } from '../../reports/dynamics-report';
import { measuresReport } from '../../reports/measures-report';
import { meetingsReport } from '../../reports/meetings-report';
import { DocumentRenderer } from '../shared/document-renderer';
import { SchoolHeadings } from '../shared/school-headings';
import { schoolTimeZone } from '../shared/school-time-zone';
import { dynamicsRows, measureRows, meetingRows } from './report-rows';

/**
 * GET /reports/decisions-report.docx — seed 002's report in its three sections, from the same tables as
 * GET /reports/{meetings,measures,dynamics}.xlsx: 1. meetings and their decisions as written, with status,
 * execution and effectiveness; 2. measures by class, subject and teacher; 3. the dynamics of each indicator.
 */
@Injectable()
export class DecisionsReportDocument {
  constructor(
    private readonly reader: ReadModelReader,
    private readonly renderer: DocumentRenderer,
    private readonly headings: SchoolHeadings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async docx(
    schoolId: string,
    academicYear: string,
    principal: Principal,
    wait: { waitForPosition?: number; timeoutMs: number },
  ): Promise<Buffer> {
    // A school the caller may not read answers like one with no report at all.
    if (!canRead(principal, schoolId)) {
      throw new NotFound('REPORT_NOT_FOUND', `Отчёта школы ${schoolId} нет`);
    }
    await this.reader.waitFor(wait);
    const where = { schoolId, academicYear };
    const meetings = await this.reader.find<MeetingDocument>(meetingProjection.collection, { where });
    const decisions = await this.reader.find<DecisionRecordDocument>(decisionRecordProjection.collection, {
      where,
    });
    // Dynamics compares years: every year of the school up to the one asked for.
    const procedures = await this.reader.find<ProcedureDocument>(procedureProjection.collection, {
      where: { schoolId },
    });
    const data = decisionsReportData({
      heading: await this.headings.of(schoolId),
      academicYear,
      generatedOn: ruToday(this.clock.now(), schoolTimeZone(meetings, decisions, procedures)),
      rows: meetingRows(meetingsReport(schoolId, academicYear, meetings, decisions)),
      measures: measureRows(measuresReport(schoolId, academicYear, decisions)),
      dynamics: dynamicsRows(dynamicsReport(schoolId, academicYear, procedures)),
      compiledBy: signatory(principal.name, principal.positions ?? [], schoolId),
    });
    return this.renderer.renderFor(schoolId, 'decisions-report', data);
  }
}
