import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller';
import { DecisionTimers } from './use-cases/decision-timers';
import { DecisionUseCases } from './use-cases/decision-use-cases';
import { EvidenceFiles } from './use-cases/evidence-files';

@Module({
  controllers: [DecisionsController],
  providers: [DecisionUseCases, DecisionTimers, EvidenceFiles],
  exports: [DecisionUseCases],
})
export class DecisionRecordsModule {}
