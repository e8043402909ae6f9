import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { VsokoConfig } from '@vsoko/config';
import { CONFIG } from '../infrastructure/tokens';
import { MeetingsModule } from '../meetings/meetings.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { DecisionsReportDocument } from './decisions-report/decisions-report.service';
import { DocumentsController } from './documents.controller';
import { MeetingOrderDocument } from './meeting-order/meeting-order.service';
import { MeetingProtocolDocument } from './meeting-protocol/meeting-protocol.service';
import { ProcedureReportDocument } from './procedure-report/procedure-report.service';
import { DocumentRenderer } from './shared/document-renderer';
import { MeetingDecisions } from './shared/meeting-decisions';
import { SchoolHeadings } from './shared/school-headings';
import { ListTemplates } from './templates/list-templates.service';
import { ReplaceTemplate } from './templates/replace-template.service';
import { ResetTemplate } from './templates/reset-template.service';
import { SchoolTemplates } from './templates/school-templates';
import { TemplateTooLargeInterceptor } from './templates/template-upload';

/**
 * Word documents from the log and the schools' own templates for them. Imported by AppModule before the
 * read-model routes, so that GET /reports/decisions-report.docx is matched before GET /reports/:file.
 */
@Module({
  imports: [
    MeetingsModule,
    ReadModelsModule,
    MulterModule.registerAsync({
      inject: [CONFIG],
      useFactory: (config: VsokoConfig) => ({
        limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 10 },
      }),
    }),
  ],
  controllers: [DocumentsController],
  providers: [
    DocumentRenderer,
    MeetingDecisions,
    SchoolHeadings,
    MeetingProtocolDocument,
    MeetingOrderDocument,
    ProcedureReportDocument,
    DecisionsReportDocument,
    SchoolTemplates,
    ListTemplates,
    ReplaceTemplate,
    ResetTemplate,
    TemplateTooLargeInterceptor,
  ],
})
export class DocumentsModule {}
