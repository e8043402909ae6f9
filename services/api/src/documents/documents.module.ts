import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { boundedUploads } from '../shared/bounded-upload';
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

/**
 * Word documents from the log and the schools' own templates for them. Imported by AppModule before the
 * read-model routes, so that GET /reports/decisions-report.docx is matched before GET /reports/:file.
 */
@Module({
  imports: [MeetingsModule, ReadModelsModule, boundedUploads({ fields: 5, fieldSize: 1024, parts: 10 })],
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
  ],
})
export class DocumentsModule {}
