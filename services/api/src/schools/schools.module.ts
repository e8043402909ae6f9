import { Module } from '@nestjs/common';
import { DeciderHandler } from '../event-sourcing/decider-handler';
import { SchoolSettings } from './school-settings.service';
import { SchoolsController } from './schools.controller';

@Module({
  controllers: [SchoolsController],
  providers: [DeciderHandler, SchoolSettings],
  exports: [SchoolSettings],
})
export class SchoolsModule {}
