import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { NotFound, type Actor } from '@vsoko/domain';
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
import { Matches } from 'class-validator';
import { CurrentActor } from '../auth/actor.decorator';
import { ACADEMIC_YEAR, KEY } from '../read-models/filters';
import { WaitQueryDto } from '../read-models/page-query.dto';
import { ReadModelReader } from '../read-models/read-model-reader';
import { cyclogramReport } from './cyclogram-report';
import { decisionsReport } from './decisions-report';
import { meetingsReport } from './meetings-report';
import { toCsv, toXlsx, type Table } from './table';

export class ReportQueryDto extends WaitQueryDto {
  @ApiProperty()
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId!: string;

  @ApiProperty({ example: '2026/27' })
  @Matches(ACADEMIC_YEAR, { message: 'academicYear: учебный год вида 2023/24' })
  academicYear!: string;
}

type Kind = 'meetings' | 'decisions' | 'cyclogram';

const FORMATS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Reports built from the read models, which are folded from recorded events only. */
@ApiTags('Отчёты')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get(':file')
  @ApiOperation({
    summary:
      'meetings.xlsx|csv — заседания и их решения (форма отчёта школы: уровень, дата, решения, срок и ответственный как записаны, статус, исполнение, подтверждение, эффективность); decisions.xlsx|csv — решения внутри процедур; cyclogram.xlsx|csv — циклограмма',
  })
  async report(
    @Param('file') file: string,
    @Query() q: ReportQueryDto,
    @CurrentActor() _actor: Actor,
  ): Promise<StreamableFile> {
    const match = /^(meetings|decisions|cyclogram)\.(xlsx|csv)$/.exec(file);
    if (!match)
      throw new NotFound(
        'REPORT_NOT_FOUND',
        'Нет такого отчёта: есть meetings.xlsx, meetings.csv, decisions.xlsx, decisions.csv, cyclogram.xlsx, cyclogram.csv',
      );
    const [, kind, format] = match as unknown as [string, Kind, keyof typeof FORMATS];
    await this.reader.waitFor(q);
    const table = await this.table(kind, q.schoolId, q.academicYear);
    const name = `${kind}-${q.schoolId}-${q.academicYear.replace('/', '-')}.${format}`;
    const bytes = format === 'xlsx' ? await toXlsx(table) : Buffer.from(toCsv(table), 'utf8');
    return new StreamableFile(bytes, {
      type: FORMATS[format],
      disposition: `attachment; filename="${name}"`,
    });
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
