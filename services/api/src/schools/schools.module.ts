import { Module } from '@nestjs/common';
import { SchoolSettings } from './school-settings.service';
import { SchoolsController } from './schools.controller';

@Module({
  controllers: [SchoolsController],
  providers: [SchoolSettings],
  exports: [SchoolSettings],
})
export class SchoolsModule {}
