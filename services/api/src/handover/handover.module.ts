import { Module } from '@nestjs/common';
import { DecisionRecordsModule } from '../decisions/decisions.module';
import { HandOver } from './hand-over/hand-over';
import { HandoverController } from './handover.controller';
import { ListOpenWork } from './list-open-work/list-open-work';

/** Handing over a person's open work (procedures, decisions, their check-ins) to a successor. */
@Module({
  imports: [DecisionRecordsModule],
  controllers: [HandoverController],
  providers: [ListOpenWork, HandOver],
})
export class HandoverModule {}
