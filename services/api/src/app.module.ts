import { Module } from '@nestjs/common';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ProceduresModule } from './procedures/procedures.module';

@Module({ imports: [InfrastructureModule, HealthModule, ProceduresModule] })
export class AppModule {}
