import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CredentialsModule } from './credentials/credentials.module';
import { CalendarFeedsModule } from './calendar-feeds/calendar-feeds.module';
import { DecisionRecordsModule } from './decisions/decisions.module';
import { DecisionsImportModule } from './decisions/import/decisions-import.module';
import { DocumentsModule } from './documents/documents.module';
import { HandoverModule } from './handover/handover.module';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { MeetingsModule } from './meetings/meetings.module';
import { ObservabilityModule } from './observability/observability.module';
import { PeopleModule } from './people/people.module';
import { PlansModule } from './plans/plans.module';
import { ProceduresModule } from './procedures/procedures.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { SchoolsModule } from './schools/schools.module';
import { StaffModule } from './staff/staff.module';

@Module({
  imports: [
    InfrastructureModule,
    // First after the infrastructure (before ObservabilityModule, which imports the read models): Nest registers
    // routes in the order modules are scanned, and GET /reports/decisions-report.docx must come before the read
    // models' GET /reports/:file (documents.int-spec.ts proves it).
    DocumentsModule,
    ObservabilityModule,
    AuthModule,
    CredentialsModule,
    PeopleModule,
    HealthModule,
    ProceduresModule,
    SchoolsModule,
    PlansModule,
    StaffModule,
    HandoverModule,
    IntegrationsModule,
    CalendarFeedsModule,
    ReadModelsModule,
    MeetingsModule,
    DecisionsImportModule,
    DecisionRecordsModule,
  ],
})
export class AppModule {}
