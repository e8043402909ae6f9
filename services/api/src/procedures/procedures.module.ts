import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionWaiter } from '../read-models/projection-waiter';
import { ProcedureGateway } from './gateway/procedure-gateway';
import { GetProcedureHandler } from './get-procedure/get-procedure.handler';
import { ProceduresController } from './procedures.controller';
import { ScheduleProcedureHandler } from './schedule-procedure/schedule-procedure.handler';

@Module({
  imports: [CqrsModule],
  controllers: [ProceduresController],
  providers: [ProcedureGateway, ProjectionWaiter, ScheduleProcedureHandler, GetProcedureHandler],
  exports: [ProcedureGateway, ProjectionWaiter],
})
export class ProceduresModule {}
