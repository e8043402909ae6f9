import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { PlansModule } from '../plans/plans.module';
import { ApproveStaffImport } from './approve-staff-import/approve-staff-import';
import { PreviewStaffImport } from './preview-staff-import/preview-staff-import';
import { StaffImportStore } from './shared/staff-import-store';
import { StaffController } from './staff.controller';

/**
 * Staff list import: upload → preview (parsed in the plan parser's threads, same bounds) → approval, a durable
 * workflow (workflows/staff-import) that registers the people and mails their invitations.
 */
@Module({
  imports: [PlansModule, PeopleModule],
  controllers: [StaffController],
  providers: [StaffImportStore, PreviewStaffImport, ApproveStaffImport],
})
export class StaffModule {}
