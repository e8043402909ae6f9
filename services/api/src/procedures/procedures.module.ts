import { Module } from '@nestjs/common';
import { SchoolsModule } from '../schools/schools.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { IdempotencyKeys } from '../shared/idempotency-keys';
import { ProcedureGateway } from './gateway/procedure-gateway';
import { GetProcedure } from './get-procedure/get-procedure';
import { ExecuteStageCommand } from './execute-command/execute-stage-command';
import { ProcedureCommandsController } from './procedure-commands.controller';
import { ProceduresController } from './procedures.controller';
import { ScheduleProcedure } from './schedule-procedure/schedule-procedure';

@Module({
  imports: [SchoolsModule, ReadModelsModule],
  controllers: [ProceduresController, ProcedureCommandsController],
  providers: [ProcedureGateway, IdempotencyKeys, ScheduleProcedure, ExecuteStageCommand, GetProcedure],
  exports: [ProcedureGateway],
})
export class ProceduresModule {}
