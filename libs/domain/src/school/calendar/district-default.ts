import { assertNever, sameValue, type CommandContext, type Decider, type DomainEvent } from '../../shared';
import { fail } from '../../procedure/rules';
import { requireCalendar } from './rules';
import type { SchoolCalendar } from './values';

/*
 * A district's default calendar for one academic year, in `district-calendar-<district>-<year>`: each
 * publication is a numbered version, pushed to the district's schools like a plan template. A school that set
 * its own calendar keeps it (`ApplyDistrictCalendar` on the school's stream decides).
 */

export type DistrictCalendarPublished = DomainEvent<
  'DistrictCalendarPublished',
  { districtId: string; version: number; calendar: SchoolCalendar }
>;
export type DistrictCalendarEvent = DistrictCalendarPublished;

export type PublishDistrictCalendar = {
  type: 'PublishDistrictCalendar';
  data: { districtId: string; calendar: SchoolCalendar };
};

export interface DistrictCalendarState {
  version: number;
  calendar: SchoolCalendar | null;
}

export const initialDistrictCalendar: DistrictCalendarState = { version: 0, calendar: null };

/** The caller's right to speak for the district is checked by the use case (accounts know inspectors). */
export function decideDistrictCalendar(
  command: PublishDistrictCalendar,
  state: DistrictCalendarState,
  ctx: CommandContext,
): DistrictCalendarEvent[] {
  switch (command.type) {
    case 'PublishDistrictCalendar': {
      if (ctx.actor.kind !== 'user') fail('ACTOR_NOT_ALLOWED', 'Календарь района публикует инспектор района');
      const { districtId, calendar } = command.data;
      requireCalendar(calendar, calendar.academicYear);
      if (state.calendar && sameValue(state.calendar, calendar)) return [];
      return [
        { type: 'DistrictCalendarPublished', data: { districtId, version: state.version + 1, calendar } },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveDistrictCalendar(
  _state: DistrictCalendarState,
  event: DistrictCalendarEvent,
): DistrictCalendarState {
  return { version: event.data.version, calendar: event.data.calendar };
}

export const districtCalendarDecider: Decider<
  PublishDistrictCalendar,
  DistrictCalendarEvent,
  DistrictCalendarState
> = {
  decide: decideDistrictCalendar,
  evolve: evolveDistrictCalendar,
  initialState: initialDistrictCalendar,
};
