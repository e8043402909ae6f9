import { Inject, Injectable } from '@nestjs/common';
import { canRead, type Principal } from '@vsoko/accounts';
import { decisionsReportData, ruToday, type DecisionsReportRow } from '@vsoko/documents';
import { DEFAULT_TIME_ZONE, NotFound, ruDate } from '@vsoko/domain';
import {
  decisionRecordProjection,
  meetingProjection,
  type DecisionRecordDocument,
  type MeetingDocument,
} from '@vsoko/projections';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { ReadModelReader } from '../../read-models/read-model-reader';
import { meetingsReport } from '../../reports/meetings-report';
import type { Cell } from '../../reports/table';
import { DocumentRenderer } from '../shared/document-renderer';

const text = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object' && 'date' in cell) return ruDate(cell.date);
  return String(cell);
};

/**
 * GET /reports/decisions-report.docx — seed 002's report, section 1 (meetings and their decisions as written,
 * with status, execution and effectiveness), from the same table as GET /reports/meetings.xlsx.
 */
@Injectable()
export class DecisionsReportDocument {
  constructor(
    private readonly reader: ReadModelReader,
    private readonly renderer: DocumentRenderer,
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
    const table = meetingsReport(schoolId, academicYear, meetings, decisions);
    const rows = table.rows.map((r): DecisionsReportRow => ({
      n: text(r[0]),
      level: text(r[1]),
      date: text(r[2]),
      decision: text(r[3]),
      deadline: text(r[4]),
      responsible: text(r[5]),
      status: text(r[7]),
      executedOn: text(r[8]),
      effectiveness: text(r[10]),
    }));
    const data = decisionsReportData({
      schoolId,
      academicYear,
      generatedOn: ruToday(this.clock.now(), DEFAULT_TIME_ZONE),
      rows,
    });
    return this.renderer.renderFor(schoolId, 'decisions-report', data);
  }
}
