import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ProceduresModule } from '../procedures/procedures.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { boundedUploads } from '../shared/bounded-upload';
import { ApproveImport } from './approve/approve-import';
import { PlanApprovalRuns } from './approve/plan-approval-runs';
import { ProcedureLineage } from './lineage/procedure-lineage';
import { NextYearController } from './next-year/next-year.controller';
import { NextYearPreview } from './next-year/next-year-preview';
import { PlanLog } from './plan-log';
import { PlansController } from './plans.controller';
import { ImportStore } from './preview/import-store';
import { PreviewImport } from './preview/preview-import';
import { TemplateAdoptions } from './templates/adopt/template-adoptions';
import { DistrictAccess } from './templates/district-access';
import { DistrictTemplatesController } from './templates/district-view/district-templates.controller';
import { GetDistrictTemplate } from './templates/district-view/get-district-template';
import { ListDistrictTemplates } from './templates/district-view/list-district-templates';
import { PublishTemplate } from './templates/publish/publish-template';
import { TemplateLog } from './templates/template-log';
import { TemplatesController } from './templates/templates.controller';
import { PlanParser } from './upload/plan-parser';

/**
 * Plan import: upload → preview → approval → procedures scheduled through their workflows. District templates
 * are published on their own streams and adopted by schools through the same preview and approval.
 */
@Module({
  imports: [
    ProceduresModule,
    ReadModelsModule,
    // One file and a few text fields (the staff directory JSON is the largest, up to 100 kB).
    boundedUploads({ fields: 20, fieldSize: 1024 * 1024, parts: 30 }),
  ],
  controllers: [PlansController, TemplatesController, NextYearController, DistrictTemplatesController],
  providers: [
    PlanLog,
    ImportStore,
    PreviewImport,
    ApproveImport,
    PlanApprovalRuns,
    TemplateLog,
    DistrictAccess,
    PublishTemplate,
    TemplateAdoptions,
    ListDistrictTemplates,
    GetDistrictTemplate,
    PlanParser,
    NextYearPreview,
    ProcedureLineage,
  ],
  // The staff list import reads its uploads with the same pool, limits and multer bounds.
  exports: [PlanParser, MulterModule],
})
export class PlansModule {}
