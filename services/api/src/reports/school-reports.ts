import { Injectable } from '@nestjs/common';
import { canRead, type Principal } from '@vsoko/accounts';
import { NotFound } from '@vsoko/domain';
import {
  decisionProjection,
  decisionRecordProjection,
  meetingProjection,
  procedureProjection,
  type DecisionDocument,
  type DecisionRecordDocument,
  type MeetingDocument,
  type ProcedureDocument,
} from '@vsoko/projections';
import { ReadModelReader } from '../read-models/read-model-reader';
import { cyclogramReport } from './cyclogram-report';
import { decisionsReport } from './decisions-report';
import { dynamicsReport } from './dynamics-report';
import { measuresReport } from './measures-report';
import { meetingsReport } from './meetings-report';
import type { ReportQueryDto } from './report-query.dto';
import { toCsv, toXlsx, type Table } from './table';

type Kind = 'meetings' | 'measures' | 'dynamics' | 'decisions' | 'cyclogram';

const FORMATS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export interface ReportFile {
  name: string;
  mediaType: string;
  bytes: Buffer;
}

/** `GET /reports/:file`: a school year's report built from the read models, which are folded from recorded events only. */
@Injectable()
export class SchoolReports {
  constructor(private readonly reader: ReadModelReader) {}

  async file(file: string, q: ReportQueryDto, principal: Principal): Promise<ReportFile> {
    // A school the caller may not read answers like an unknown report (the guard is the second net).
    if (!canRead(principal, q.schoolId)) {
      throw new NotFound('REPORT_NOT_FOUND', `Отчёта школы ${q.schoolId} нет`);
    }
    const match = /^(meetings|measures|dynamics|decisions|cyclogram)\.(xlsx|csv)$/.exec(file);
    if (!match)
      throw new NotFound(
        'REPORT_NOT_FOUND',
        'Нет такого отчёта: есть meetings, measures, dynamics, decisions и cyclogram в форматах .xlsx и .csv',
      );
    const [, kind, format] = match as unknown as [string, Kind, keyof typeof FORMATS];
    await this.reader.waitFor(q);
    const table = await this.table(kind, q.schoolId, q.academicYear);
    const name = `${kind}-${q.schoolId}-${q.academicYear.replace('/', '-')}.${format}`;
    const bytes = format === 'xlsx' ? await toXlsx(table) : Buffer.from(toCsv(table), 'utf8');
    return { name, mediaType: FORMATS[format], bytes };
  }
  private async table(kind: Kind, schoolId: string, academicYear: string): Promise<Table> {
    if (kind === 'meetings') {
      const where = { schoolId, academicYear };
      const meetings = await this.reader.find<MeetingDocument>(meetingProjection.collection, { where });
      const decisions = await this.reader.find<DecisionRecordDocument>(decisionRecordProjection.collection, {
        where,
      });
      return meetingsReport(schoolId, academicYear, meetings, decisions);
    }
    if (kind === 'measures') {
      const decisions = await this.reader.find<DecisionRecordDocument>(decisionRecordProjection.collection, {
        where: { schoolId, academicYear },
      });
      return measuresReport(schoolId, academicYear, decisions);
    }
    if (kind === 'dynamics') {
      // Dynamics compares years: every year of the school up to the one asked for.
      const procedures = await this.reader.find<ProcedureDocument>(procedureProjection.collection, {
        where: { schoolId },
      });
      return dynamicsReport(schoolId, academicYear, procedures);
    }
    if (kind === 'decisions') {
      const docs = await this.reader.find<DecisionDocument>(decisionProjection.collection, {
        where: { schoolId, academicYear },
      });
      return decisionsReport(schoolId, academicYear, docs);
    }
    const docs = await this.reader.find<ProcedureDocument>(procedureProjection.collection, {
      where: { schoolId, academicYear },
    });
    return cyclogramReport(schoolId, academicYear, docs);
  }
}
