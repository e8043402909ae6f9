import { Module } from '@nestjs/common';
import { ProceduresModule } from '../procedures/procedures.module';
import { ApproveImport } from './approve/approve-import';
import { PlanReconciler } from './approve/reconcile';
import { PlanLog } from './plan-log';
import { PlansController } from './plans.controller';
import { ImportStore } from './preview/import-store';
import { PreviewImport } from './preview/preview-import';

/** Plan import: upload → preview → approval → procedures scheduled through their workflows. */
@Module({
  imports: [ProceduresModule],
  controllers: [PlansController],
  providers: [PlanLog, ImportStore, PreviewImport, ApproveImport, PlanReconciler],
})
export class PlansModule {}
