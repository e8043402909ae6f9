import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller';
import { DecisionTimers } from './use-cases/decision-timers';
import { DecisionUseCases } from './use-cases/decision-use-cases';

@Module({
  controllers: [DecisionsController],
  providers: [DecisionUseCases, DecisionTimers],
  exports: [DecisionUseCases],
})
export class DecisionRecordsModule {}
