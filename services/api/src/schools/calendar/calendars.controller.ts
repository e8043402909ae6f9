import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import type { Actor } from '@vsoko/domain';
import { Allow, AnyPrincipal } from '../../auth/access.decorators';
import { CurrentActor, CurrentPrincipal } from '../../auth/actor.decorator';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { checkId } from '../../shared/ids';
import { commandContext, headerKey } from '../../shared/request-context';
import { academicYearParam } from './academic-year-param';
import { calendarOf, SchoolCalendarDto } from './calendar.dto';
import { GetSchoolCalendar } from './get-calendar/get-school-calendar';
import { PublishDistrictCalendarDto } from './publish-district-calendar/publish-district-calendar.dto';
import { PublishDistrictCalendar } from './publish-district-calendar/publish-district-calendar';
import { SetSchoolCalendar } from './set-calendar/set-school-calendar';

const schoolIdOf = (value: string) => checkId(value, 'Неверный идентификатор школы');

@ApiTags('Школа: календарь учебного года')
@Controller()
export class CalendarsController {
  constructor(
    private readonly getting: GetSchoolCalendar,
    private readonly setting: SetSchoolCalendar,
    private readonly publishing: PublishDistrictCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Get('schools/:schoolId/calendars/:academicYear')
  @ApiOperation({
    summary:
      'Календарь школы на учебный год (2026-27): четверти, каникулы, праздники; без своего — предложение по умолчанию',
  })
  get(
    @Param('schoolId') schoolId: string,
    @Param('academicYear') academicYear: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.getting.get(principal, schoolIdOf(schoolId), academicYearParam(academicYear));
  }

  @Put('schools/:schoolId/calendars/:academicYear')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @Allow('director')
  @ApiOperation({
    summary:
      'Утвердить календарь школы на учебный год; сроки в выходные переносятся на следующий рабочий день (политика школы)',
  })
  put(
    @Param('schoolId') schoolId: string,
    @Param('academicYear') academicYear: string,
    @Body() body: SchoolCalendarDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    const school = schoolIdOf(schoolId);
    const year = academicYearParam(academicYear);
    const ctx = commandContext(
      { actor, idempotencyKey: headerKey(headers['idempotency-key'], 'Idempotency-Key') },
      school,
      this.clock,
      this.ids,
    );
    return this.setting.set(principal, school, calendarOf(body, year), ctx);
  }

  // A district is not a school: the route lets any signed-in caller in, and the use case checks the district.
  @Put('districts/:districtId/calendars/:academicYear')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @AnyPrincipal()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Календарь района по умолчанию на учебный год (инспектор района): рассылается школам без своего календаря',
  })
  publish(
    @Param('districtId') districtId: string,
    @Param('academicYear') academicYear: string,
    @Body() body: PublishDistrictCalendarDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    const year = academicYearParam(academicYear);
    return this.publishing.publish(
      principal,
      actor,
      checkId(districtId, 'Неверный идентификатор района'),
      year,
      {
        ...(body.calendar ? { calendar: calendarOf(body.calendar, year) } : {}),
        ...(body.shippedDefault !== undefined ? { shippedDefault: body.shippedDefault } : {}),
      },
      headerKey(headers['idempotency-key'], 'Idempotency-Key'),
    );
  }
}
