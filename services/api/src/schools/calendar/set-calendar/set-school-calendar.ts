import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  schoolSettingsDecider,
  schoolStreamName,
  type CommandContext,
  type SchoolCalendar,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { requireActsFor } from '../../../plans/plan-access';

/**
 * The director sets the school's calendar for a year; it replaces the district's default for that year and
 * applies to deadlines and reminders from then on (decisions at once; procedures when next scheduled).
 */
@Injectable()
export class SetSchoolCalendar {
  constructor(private readonly handler: DeciderHandler) {}

  async set(principal: Principal, schoolId: string, calendar: SchoolCalendar, ctx: CommandContext) {
    requireActsFor(principal, schoolId);
    const result = await this.handler.handle(
      schoolStreamName(schoolId),
      schoolSettingsDecider,
      { type: 'SetSchoolCalendar', data: { schoolId, calendar } },
      ctx,
    );
    return {
      schoolId,
      academicYear: calendar.academicYear,
      recorded: result.events.length > 0,
      revision: result.revision,
      position: result.position,
    };
  }
}
