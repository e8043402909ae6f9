import { Module } from '@nestjs/common';
import { MeetingsModule } from '../../meetings/meetings.module';
import { PlansModule } from '../../plans/plans.module';
import { DecisionRecordsModule } from '../decisions.module';
import { ApproveDecisionsImport } from './approve/approve-decisions-import';
import { DecisionsImportController } from './decisions-import.controller';
import { DecisionsImportStore } from './decisions-import-store';
import { PreviewDecisionsImport } from './preview/preview-decisions-import';

/** Decisions report import: upload → preview (parsed in the plan parser's threads, same bounds) → approval. */
@Module({
  imports: [PlansModule, MeetingsModule, DecisionRecordsModule],
  controllers: [DecisionsImportController],
  providers: [DecisionsImportStore, PreviewDecisionsImport, ApproveDecisionsImport],
})
export class DecisionsImportModule {}
