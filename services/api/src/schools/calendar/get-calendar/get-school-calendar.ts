import { Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  chaseSettingsOf,
  russianDefaultCalendar,
  schoolSettingsDecider,
  schoolStreamName,
  type CalendarSource,
  type DayOffPolicy,
  type SchoolCalendar,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { requireReader } from '../../../plans/plan-access';

export interface SchoolCalendarView {
  schoolId: string;
  academicYear: string;
  /** False: the school has no calendar for the year, and deadlines count every day as written. */
  inForce: boolean;
  source: CalendarSource | null;
  calendar: SchoolCalendar | null;
  /** The shipped Russian default for the year, to start from (null for years we ship none for). */
  proposal: SchoolCalendar | null;
  dayOffPolicy: DayOffPolicy;
  revision: number;
}

/** The school's calendar for a year: its own, the district's pushed default, or nothing yet (with a proposal). */
@Injectable()
export class GetSchoolCalendar {
  constructor(private readonly handler: DeciderHandler) {}

  async get(principal: Principal, schoolId: string, academicYear: string): Promise<SchoolCalendarView> {
    requireReader(principal, schoolId);
    const { state, revision } = await this.handler.load(schoolStreamName(schoolId), schoolSettingsDecider);
    const entry = state.calendars?.[academicYear];
    return {
      schoolId,
      academicYear,
      inForce: entry !== undefined,
      source: entry?.source ?? null,
      calendar: entry?.calendar ?? null,
      proposal: entry ? null : russianDefaultCalendar(academicYear),
      dayOffPolicy: chaseSettingsOf(state.reminders).dayOffPolicy,
      revision,
    };
  }
}
