import { Inject, Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import {
  districtCalendarDecider,
  districtCalendarStreamName,
  NotFound,
  russianDefaultCalendar,
  schoolSettingsDecider,
  schoolStreamName,
  ValidationFailed,
  type Actor,
  type SchoolCalendar,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock, IdGenerator } from '../../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../../infrastructure/tokens';
import { DistrictAccess } from '../../../plans/templates/district-access';
import { commandContext } from '../../../shared/request-context';

export interface PublishDistrictCalendarResult {
  districtId: string;
  academicYear: string;
  version: number;
  /** Schools that now follow this version. */
  applied: string[];
  /** Schools that keep their own calendar (or already had this version). */
  kept: string[];
}

/**
 * The district's inspector publishes a default calendar for a year; it is pushed to every school of the
 * district, each through its own stream, where a school's own calendar wins. Publishing again is a new version.
 */
@Injectable()
export class PublishDistrictCalendar {
  constructor(
    private readonly access: DistrictAccess,
    private readonly directory: Directory,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async publish(
    principal: Principal,
    actor: Actor,
    districtId: string,
    academicYear: string,
    body: { calendar?: Omit<SchoolCalendar, 'academicYear'>; shippedDefault?: boolean },
    idempotencyKey?: string,
  ): Promise<PublishDistrictCalendarResult> {
    await this.access.requirePublisher(principal, districtId);
    const district = await this.directory.district(districtId);
    if (!district) throw new NotFound('DISTRICT_NOT_FOUND', `Район ${districtId} не зарегистрирован`);
    const calendar = this.calendarOf(academicYear, body);
    const published = await this.handler.handle(
      districtCalendarStreamName(districtId, academicYear),
      districtCalendarDecider,
      { type: 'PublishDistrictCalendar', data: { districtId, calendar } },
      { ...commandContext({ actor, idempotencyKey }, '', this.clock, this.ids), districtId },
    );
    const version = published.state.version;
    const applied: string[] = [];
    const kept: string[] = [];
    for (const schoolId of district.schoolIds) {
      // One command id per school and version: pushing the same version again records nothing twice.
      const ctx = {
        ...commandContext({ actor }, schoolId, this.clock, this.ids),
        commandId: `district-calendar:${districtId}:${academicYear}:v${version}:${schoolId}`,
        districtId,
      };
      const result = await this.handler.handle(
        schoolStreamName(schoolId),
        schoolSettingsDecider,
        { type: 'ApplyDistrictCalendar', data: { schoolId, districtId, version, calendar } },
        ctx,
        { retries: 3 },
      );
      (result.events.length > 0 && !result.replayed ? applied : kept).push(schoolId);
    }
    return { districtId, academicYear, version, applied, kept };
  }

  private calendarOf(
    academicYear: string,
    body: { calendar?: Omit<SchoolCalendar, 'academicYear'>; shippedDefault?: boolean },
  ): SchoolCalendar {
    if (body.calendar && body.shippedDefault) {
      throw new ValidationFailed(
        'SOURCE_AMBIGUOUS',
        'Укажите либо календарь, либо shippedDefault, но не то и другое',
      );
    }
    if (body.calendar) return { ...body.calendar, academicYear };
    if (body.shippedDefault) {
      const shipped = russianDefaultCalendar(academicYear);
      if (!shipped) {
        throw new NotFound(
          'DEFAULT_CALENDAR_NOT_FOUND',
          `Календаря по умолчанию на ${academicYear} нет: пришлите свой`,
        );
      }
      return shipped;
    }
    throw new ValidationFailed('CALENDAR_REQUIRED', 'Пришлите календарь (calendar) или shippedDefault: true');
  }
}
