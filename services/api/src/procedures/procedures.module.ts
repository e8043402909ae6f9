import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SchoolsModule } from '../schools/schools.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { IdempotencyKeys } from '../shared/idempotency-keys';
import { ProcedureGateway } from './gateway/procedure-gateway';
import { GetProcedureHandler } from './get-procedure/get-procedure.handler';
import { ExecuteProcedureCommandHandler } from './execute-command/execute-procedure-command';
import { ProcedureCommandsController } from './procedure-commands.controller';
import { ProceduresController } from './procedures.controller';
import { ScheduleProcedureHandler } from './schedule-procedure/schedule-procedure.handler';

@Module({
  imports: [CqrsModule, SchoolsModule, ReadModelsModule],
  controllers: [ProceduresController, ProcedureCommandsController],
  providers: [
    ProcedureGateway,
    IdempotencyKeys,
    ScheduleProcedureHandler,
    ExecuteProcedureCommandHandler,
    GetProcedureHandler,
  ],
  exports: [ProcedureGateway],
})
export class ProceduresModule {}
