import { Module } from '@nestjs/common';
import { ListProceduresController } from '../procedures/list-procedures/list-procedures.controller';
import { ListProcedures } from '../procedures/list-procedures/list-procedures';
import { ProcedureAsOfController } from '../procedures/procedure-as-of/procedure-as-of.controller';
import { ProcedureAsOfService } from '../procedures/procedure-as-of/procedure-as-of.service';
import { ReportsController } from '../reports/reports.controller';
import { SchoolReports } from '../reports/school-reports';
import { AuditTimeline } from './audit/audit-timeline';
import { ListDeadlines } from './calendar/list-deadlines';
import { GetProcedureDecision } from './decisions/get-procedure-decision';
import { DecisionRecordsController } from './decision-records/decision-records.controller';
import { ListDecisionRecords } from './decision-records/list-decision-records';
import { EffectivenessSummaries } from './kpis/effectiveness-summaries';
import { KpiSummaries } from './kpis/kpi-summaries';
import { AuditController } from './audit/audit.controller';
import { CalendarController } from './calendar/calendar.controller';
import { DecisionsController } from './decisions/decisions.controller';
import { ListDecisions } from './decisions/list-decisions';
import { KpisController } from './kpis/kpis.controller';
import { ProjectionWaiter } from './projection-waiter';
import { ReadModelReader } from './read-model-reader';

/** Queries over the read models, history as of a date from the log, and reports; the one provider of ProjectionWaiter. */
@Module({
  controllers: [
    ListProceduresController,
    ProcedureAsOfController,
    DecisionsController,
    AuditController,
    CalendarController,
    KpisController,
    DecisionRecordsController,
    ReportsController,
  ],
  providers: [
    ProjectionWaiter,
    ReadModelReader,
    ListProcedures,
    ProcedureAsOfService,
    ListDecisions,
    GetProcedureDecision,
    AuditTimeline,
    ListDeadlines,
    KpiSummaries,
    EffectivenessSummaries,
    ListDecisionRecords,
    SchoolReports,
  ],
  exports: [ReadModelReader, ProjectionWaiter],
})
export class ReadModelsModule {}
