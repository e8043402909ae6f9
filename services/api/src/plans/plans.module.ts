import { Module } from '@nestjs/common';
import { Directory } from '@vsoko/accounts';
import type { Db } from 'mongodb';
import { READ_DB } from '../infrastructure/tokens';
import { ProceduresModule } from '../procedures/procedures.module';
import { ApproveImport } from './approve/approve-import';
import { PlanReconciler } from './approve/reconcile';
import { PlanLog } from './plan-log';
import { PlansController } from './plans.controller';
import { ImportStore } from './preview/import-store';
import { PreviewImport } from './preview/preview-import';
import { TemplateAdoptions } from './templates/adopt/template-adoptions';
import { DistrictAccess } from './templates/district-access';
import { PublishTemplate } from './templates/publish/publish-template';
import { TemplateLog } from './templates/template-log';
import { TemplatesController } from './templates/templates.controller';

/**
 * Plan import: upload → preview → approval → procedures scheduled through their workflows. District templates
 * are published on their own streams and adopted by schools through the same preview and approval.
 */
@Module({
  imports: [ProceduresModule],
  controllers: [PlansController, TemplatesController],
  providers: [
    PlanLog,
    ImportStore,
    PreviewImport,
    ApproveImport,
    PlanReconciler,
    TemplateLog,
    DistrictAccess,
    PublishTemplate,
    TemplateAdoptions,
    { provide: Directory, inject: [READ_DB], useFactory: (db: Db) => new Directory(db) },
  ],
})
export class PlansModule {}
