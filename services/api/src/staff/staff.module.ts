import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { ApproveStaffImport } from './approve-staff-import/approve-staff-import';
import { PreviewStaffImport } from './preview-staff-import/preview-staff-import';
import { StaffImportStore } from './shared/staff-import-store';
import { StaffController } from './staff.controller';

/** Staff list import: upload → preview (parsed in the plan parser's threads, same bounds) → approval. */
@Module({
  imports: [PlansModule],
  controllers: [StaffController],
  providers: [StaffImportStore, PreviewStaffImport, ApproveStaffImport],
})
export class StaffModule {}
