import { Module } from '@nestjs/common';
import { DistrictAccess } from '../plans/templates/district-access';
import { CalendarsController } from './calendar/calendars.controller';
import { GetSchoolCalendar } from './calendar/get-calendar/get-school-calendar';
import { PublishDistrictCalendar } from './calendar/publish-district-calendar/publish-district-calendar';
import { SetSchoolCalendar } from './calendar/set-calendar/set-school-calendar';
import { SchoolSettings } from './school-settings.service';
import { SchoolsController } from './schools.controller';

@Module({
  controllers: [SchoolsController, CalendarsController],
  providers: [SchoolSettings, GetSchoolCalendar, SetSchoolCalendar, PublishDistrictCalendar, DistrictAccess],
  exports: [SchoolSettings],
})
export class SchoolsModule {}
