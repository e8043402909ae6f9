import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import { ValidationFailed } from '@vsoko/domain';
import { CurrentPrincipal } from '../auth/actor.decorator';
import { Allow } from '../auth/access.decorators';
import { ReadableSchools, type SchoolScope } from '../auth/readable-schools.decorator';
import { idOf } from '../shared/request-context';
import { WaitQueryDto } from '../read-models/page-query.dto';
import { ReportQueryDto } from '../reports/report-query.dto';
import { headerKey } from '../shared/request-context';
import { DecisionsReportDocument } from './decisions-report/decisions-report.service';
import { MeetingOrderDocument } from './meeting-order/meeting-order.service';
import { MeetingProtocolDocument } from './meeting-protocol/meeting-protocol.service';
import { ProcedureReportDocument } from './procedure-report/procedure-report.service';
import { DOCX_MEDIA_TYPE, docxFile } from './shared/docx-file';
import { ListTemplates } from './templates/list-templates.service';
import { ReplaceTemplate } from './templates/replace-template.service';
import { ResetTemplate } from './templates/reset-template.service';
import { TemplateUpload } from './templates/template-upload';

/** The part of multer's file that the upload reads (multer's global types are not loaded by tsconfig). */
interface UploadedTemplateFile {
  originalname: string;
  buffer: Buffer;
}

const requestOf = (h: Record<string, string>) => {
  const idempotencyKey = headerKey(h['idempotency-key'], 'Idempotency-Key');
  const correlationId = headerKey(h['x-correlation-id'], 'X-Correlation-Id');
  return {
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
};

/**
 * Word documents written from the log (protocol, order, аналитическая справка, the school's report) and the
 * school's own templates for them. Each route's use case checks the school of what it loads.
 */
@ApiTags('Документы Word')
@Controller()
export class DocumentsController {
  constructor(
    private readonly protocol: MeetingProtocolDocument,
    private readonly order: MeetingOrderDocument,
    private readonly procedureReport: ProcedureReportDocument,
    private readonly decisionsReport: DecisionsReportDocument,
    private readonly listTemplates: ListTemplates,
    private readonly replaceTemplate: ReplaceTemplate,
    private readonly resetTemplate: ResetTemplate,
  ) {}

  @Get('meetings/:meetingId/protocol.docx')
  @ApiProduces(DOCX_MEDIA_TYPE)
  @ApiOperation({ summary: 'Протокол заседания (Word): номер, состав, повестка, СЛУШАЛИ, РЕШИЛИ со сроками' })
  async meetingProtocol(
    @Param('meetingId') meetingId: string,
    @Query() q: WaitQueryDto,
    @ReadableSchools() schools: SchoolScope,
  ): Promise<StreamableFile> {
    const id = idOf(meetingId, 'заседания');
    const { bytes, protocolNumber } = await this.protocol.docx(id, schools, q);
    return docxFile(bytes, `protocol-${id}.docx`, `Протокол № ${protocolNumber}.docx`);
  }

  @Get('meetings/:meetingId/order.docx')
  @ApiProduces(DOCX_MEDIA_TYPE)
  @ApiOperation({ summary: 'Приказ о выполнении решений заседания (Word)' })
  async meetingOrder(
    @Param('meetingId') meetingId: string,
    @Query() q: WaitQueryDto,
    @ReadableSchools() schools: SchoolScope,
  ): Promise<StreamableFile> {
    const id = idOf(meetingId, 'заседания');
    return docxFile(
      await this.order.docx(id, schools, q),
      `order-${id}.docx`,
      `Приказ по решениям заседания.docx`,
    );
  }

  @Get('procedures/:id/report.docx')
  @ApiProduces(DOCX_MEDIA_TYPE)
  @ApiOperation({
    summary: 'Аналитическая справка по процедуре (Word): показатель, объект, метод, цифры, выводы, решения',
  })
  async procedureReportDocx(
    @Param('id') procedureId: string,
    @Query() q: WaitQueryDto,
    @ReadableSchools() schools: SchoolScope,
  ): Promise<StreamableFile> {
    const id = idOf(procedureId, 'процедуры');
    return docxFile(
      await this.procedureReport.docx(id, schools, q),
      `report-${id}.docx`,
      `Аналитическая справка.docx`,
    );
  }

  @Get('reports/decisions-report.docx')
  @ApiProduces(DOCX_MEDIA_TYPE)
  @ApiOperation({
    summary:
      'Анализ использования результатов оценочных процедур (Word, форма отчёта школы): 1 — заседания и решения, 2 — мероприятия по классам, предметам, учителям, 3 — динамика показателей',
  })
  async decisionsReportDocx(
    @Query() q: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const bytes = await this.decisionsReport.docx(q.schoolId, q.academicYear, principal, q);
    const year = q.academicYear.replace('/', '-');
    return docxFile(bytes, `decisions-report-${q.schoolId}-${year}.docx`, `Анализ решений ${year}.docx`);
  }

  @Get('schools/:schoolId/document-templates')
  @ApiOperation({
    summary: 'Шаблоны документов школы: свой или стандартный, и поля, которые шаблон может содержать',
  })
  templates(@Param('schoolId') schoolId: string, @CurrentPrincipal() principal: Principal) {
    return this.listTemplates.list(idOf(schoolId, 'школы'), principal);
  }

  @Get('schools/:schoolId/document-templates/:kind.docx')
  @ApiProduces(DOCX_MEDIA_TYPE)
  @ApiOperation({
    summary: 'Файл шаблона, действующего в школе (чтобы изменить его в Word и загрузить снова)',
  })
  async templateFile(
    @Param('schoolId') schoolId: string,
    @Param('kind') kind: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const bytes = await this.listTemplates.file(idOf(schoolId, 'школы'), kind, principal);
    return docxFile(bytes, `${kind}.docx`, `${kind}.docx`);
  }

  @Put('schools/:schoolId/document-templates/:kind')
  @Allow('director', 'deputy')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Загрузить свой шаблон документа (.docx с теми же полями): проверяется, сохраняется по SHA-256, записывается в журнал',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @TemplateUpload()
  async upload(
    @Param('schoolId') schoolId: string,
    @Param('kind') kind: string,
    @UploadedFile() file: UploadedTemplateFile | undefined,
    @CurrentPrincipal() principal: Principal,
    @Headers() h: Record<string, string>,
  ) {
    if (!file) throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл шаблона (поле file)');
    return this.replaceTemplate.replace(
      {
        schoolId: idOf(schoolId, 'школы'),
        kind,
        fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        bytes: file.buffer,
      },
      principal,
      requestOf(h),
    );
  }

  @Delete('schools/:schoolId/document-templates/:kind')
  @Allow('director', 'deputy')
  @ApiOperation({ summary: 'Вернуть стандартный шаблон документа' })
  reset(
    @Param('schoolId') schoolId: string,
    @Param('kind') kind: string,
    @CurrentPrincipal() principal: Principal,
    @Headers() h: Record<string, string>,
  ) {
    return this.resetTemplate.reset(idOf(schoolId, 'школы'), kind, principal, requestOf(h));
  }
}
