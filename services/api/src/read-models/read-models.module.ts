import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListProceduresController } from '../procedures/list-procedures/list-procedures.controller';
import { ProcedureAsOfController } from '../procedures/procedure-as-of/procedure-as-of.controller';
import { ProcedureAsOfService } from '../procedures/procedure-as-of/procedure-as-of.service';
import { ReportsController } from '../reports/reports.controller';
import { AuditController } from './audit/audit.controller';
import { CalendarController } from './calendar/calendar.controller';
import { DecisionsController } from './decisions/decisions.controller';
import { ListDecisionsHandler } from './decisions/list-decisions.handler';
import { KpisController } from './kpis/kpis.controller';
import { ProjectionWaiter } from './projection-waiter';
import { ReadModelReader } from './read-model-reader';

/** Queries over the read models, history as of a date from the log, and reports; the one provider of ProjectionWaiter. */
@Module({
  imports: [CqrsModule],
  controllers: [
    ListProceduresController,
    ProcedureAsOfController,
    DecisionsController,
    AuditController,
    CalendarController,
    KpisController,
    ReportsController,
  ],
  providers: [ProjectionWaiter, ReadModelReader, ListDecisionsHandler, ProcedureAsOfService],
  exports: [ReadModelReader, ProjectionWaiter],
})
export class ReadModelsModule {}
