import { assertNever, sameValue, type CommandContext, type Decider, type DomainEvent } from '../shared';
import { fail, isAdministrator, requireChase, requireReminders } from '../procedure/rules';
import type { ReminderSettings } from '../procedure/values';
import { requireCalendar } from './calendar/rules';
import type { SchoolCalendar } from './calendar/values';

/** A school's own settings, on its stream (`schoolStreamName`); procedures take them when scheduled. */
export type ReminderSettingsChanged = DomainEvent<
  'ReminderSettingsChanged',
  { schoolId: string } & ReminderSettings
>;

/** Where a school's calendar for a year came from: its director, or the district's default pushed to it. */
export type CalendarSource = { kind: 'school' } | { kind: 'district'; districtId: string; version: number };

/** The school's terms and days off for one academic year, replacing any earlier calendar for that year. */
export type SchoolCalendarSet = DomainEvent<
  'SchoolCalendarSet',
  { schoolId: string; calendar: SchoolCalendar; source: CalendarSource }
>;

export type SchoolEvent = ReminderSettingsChanged | SchoolCalendarSet;

export type ChangeReminderSettings = {
  type: 'ChangeReminderSettings';
  data: { schoolId: string } & ReminderSettings;
};
export type SetSchoolCalendar = {
  type: 'SetSchoolCalendar';
  data: { schoolId: string; calendar: SchoolCalendar };
};
/** A district's default reaches a school that has no calendar of its own for that year. */
export type ApplyDistrictCalendar = {
  type: 'ApplyDistrictCalendar';
  data: { schoolId: string; districtId: string; version: number; calendar: SchoolCalendar };
};
export type SchoolCommand = ChangeReminderSettings | SetSchoolCalendar | ApplyDistrictCalendar;

export interface SchoolSettingsState {
  reminders: ReminderSettings | null;
  /** By academic year («2025/26»). */
  calendars?: Readonly<Record<string, { calendar: SchoolCalendar; source: CalendarSource }>>;
}

export const initialSchoolSettings: SchoolSettingsState = { reminders: null };

export function decideSchool(
  command: SchoolCommand,
  state: SchoolSettingsState,
  ctx: CommandContext,
): SchoolEvent[] {
  switch (command.type) {
    case 'ChangeReminderSettings': {
      const { schoolId, ...settings } = command.data;
      if (!isAdministrator(ctx.actor)) {
        fail(
          'ACTOR_NOT_ALLOWED',
          'Сроки напоминаний меняет администрация: директор или заместитель директора',
        );
      }
      if (ctx.schoolId !== schoolId) fail('SCHOOL_MISMATCH', 'Настройки другой школы менять нельзя');
      requireReminders(settings);
      requireChase(settings);
      const normalised: ReminderSettings = {
        ...settings,
        daysBefore: [...settings.daysBefore].sort((a, b) => b - a),
        ...(settings.preparationDaysBefore
          ? { preparationDaysBefore: [...settings.preparationDaysBefore].sort((a, b) => b - a) }
          : {}),
      };
      if (state.reminders && sameValue(canonical(state.reminders), canonical(normalised))) return [];
      return [{ type: 'ReminderSettingsChanged', data: { schoolId, ...normalised } }];
    }
    case 'SetSchoolCalendar': {
      const { schoolId, calendar } = command.data;
      if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'director') {
        fail('ACTOR_NOT_ALLOWED', 'Календарь учебного года утверждает директор школы');
      }
      if (ctx.schoolId !== schoolId) fail('SCHOOL_MISMATCH', 'Календарь другой школы менять нельзя');
      requireCalendar(calendar, calendar.academicYear);
      const current = state.calendars?.[calendar.academicYear];
      if (current?.source.kind === 'school' && sameValue(current.calendar, calendar)) return [];
      return [{ type: 'SchoolCalendarSet', data: { schoolId, calendar, source: { kind: 'school' } } }];
    }
    case 'ApplyDistrictCalendar': {
      const { schoolId, districtId, version, calendar } = command.data;
      if (ctx.schoolId !== schoolId) fail('SCHOOL_MISMATCH', 'Календарь другой школы менять нельзя');
      requireCalendar(calendar, calendar.academicYear);
      const current = state.calendars?.[calendar.academicYear];
      // The school's own calendar wins; the same or an older district version changes nothing.
      if (current?.source.kind === 'school') return [];
      if (current?.source.kind === 'district' && current.source.version >= version) return [];
      return [
        {
          type: 'SchoolCalendarSet',
          data: { schoolId, calendar, source: { kind: 'district', districtId, version } },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/** Settings compared with the chain's defaults filled in, so resending what is in force records nothing. */
function canonical(settings: ReminderSettings): ReminderSettings {
  const { daysBefore, escalationGraceDays, ...chase } = settings;
  return {
    daysBefore,
    escalationGraceDays,
    ...(chase.preparationDaysBefore ? { preparationDaysBefore: chase.preparationDaysBefore } : {}),
    ...(chase.escalation ? { escalation: chase.escalation } : {}),
    ...(chase.repeatEveryDays !== undefined ? { repeatEveryDays: chase.repeatEveryDays } : {}),
    ...(chase.dayOffPolicy ? { dayOffPolicy: chase.dayOffPolicy } : {}),
  };
}

export function evolveSchool(state: SchoolSettingsState, event: SchoolEvent): SchoolSettingsState {
  switch (event.type) {
    case 'ReminderSettingsChanged': {
      const { schoolId: _school, ...reminders } = event.data;
      return { ...state, reminders };
    }
    case 'SchoolCalendarSet': {
      const { calendar, source } = event.data;
      return { ...state, calendars: { ...state.calendars, [calendar.academicYear]: { calendar, source } } };
    }
    default:
      return assertNever(event);
  }
}

export const schoolSettingsDecider: Decider<SchoolCommand, SchoolEvent, SchoolSettingsState> = {
  decide: decideSchool,
  evolve: evolveSchool,
  initialState: initialSchoolSettings,
};
