import { spec } from '../testing/decider-spec';
import type { CommandContext } from '../shared';
import { RUSSIAN_CALENDAR_2025_26 } from './calendar';
import {
  decideSchool,
  evolveSchool,
  initialSchoolSettings,
  type ChangeReminderSettings,
} from './school-settings';

const school = spec(decideSchool, evolveSchool, initialSchoolSettings);
const ctx = (role: string, schoolId = 'school-1'): CommandContext => ({
  commandId: 'c1',
  actor: { id: 'u1', kind: 'user', role },
  issuedAt: '2026-11-22T10:00:00Z',
  correlationId: 'c1',
  causationId: 'c1',
  schoolId,
});
const change = (daysBefore: number[], escalationGraceDays = 3): ChangeReminderSettings => ({
  type: 'ChangeReminderSettings',
  data: { schoolId: 'school-1', daysBefore, escalationGraceDays },
});
const changed = (daysBefore: number[], escalationGraceDays = 3) => ({
  type: 'ReminderSettingsChanged' as const,
  data: { schoolId: 'school-1', daysBefore, escalationGraceDays },
});

describe('a school with default reminders', () => {
  const given = school.given([]);

  it('takes new reminder days from the director, largest first', () => {
    given.when(change([1, 14, 3], 5), ctx('director')).then([changed([14, 3, 1], 5)]);
  });

  it('refuses teachers, other schools and senseless settings', () => {
    given.when(change([7]), ctx('teacher')).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(change([7]), ctx('director', 'school-2')).thenThrows('SCHOOL_MISMATCH');
    given.when(change([0, 7]), ctx('director')).thenThrows('REMINDERS_INVALID');
    given.when(change([90]), ctx('director')).thenThrows('REMINDERS_INVALID');
    given.when(change([7], -1), ctx('deputy')).thenThrows('ESCALATION_GRACE_INVALID');
  });
});

describe('a school that set its reminders', () => {
  const given = school.given([changed([14, 3], 5)]);

  it('records nothing when the same settings are sent again', () => {
    given.when(change([3, 14], 5), ctx('deputy')).thenNothing();
  });

  it('records a real change', () => {
    given.when(change([7], 5), ctx('deputy')).then([changed([7], 5)]);
  });
});

describe('a school without a calendar of its own', () => {
  const given = school.given([]);
  const calendar = RUSSIAN_CALENDAR_2025_26;
  const set = { type: 'SetSchoolCalendar' as const, data: { schoolId: 'school-1', calendar } };
  const fromDistrict = (version: number) => ({
    type: 'ApplyDistrictCalendar' as const,
    data: { schoolId: 'school-1', districtId: 'district-1', version, calendar },
  });
  const setByDistrict = (version: number) => ({
    type: 'SchoolCalendarSet' as const,
    data: {
      schoolId: 'school-1',
      calendar,
      source: { kind: 'district' as const, districtId: 'district-1', version },
    },
  });

  it('takes the director’s calendar for the year', () => {
    given
      .when(set, ctx('director'))
      .then([
        { type: 'SchoolCalendarSet', data: { schoolId: 'school-1', calendar, source: { kind: 'school' } } },
      ]);
  });

  it('refuses the calendar from a deputy, another school, or with four terms called trimesters', () => {
    given.when(set, ctx('deputy')).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(set, ctx('director', 'school-2')).thenThrows('SCHOOL_MISMATCH');
    given
      .when(
        { ...set, data: { ...set.data, calendar: { ...calendar, termKind: 'trimester' } } },
        ctx('director'),
      )
      .thenThrows('CALENDAR_INVALID');
  });

  it('takes the district’s default, and a newer version of it, but not an older one', () => {
    given.when(fromDistrict(1), ctx('inspector')).then([setByDistrict(1)]);
    school
      .given([setByDistrict(2)])
      .when(fromDistrict(3), ctx('inspector'))
      .then([setByDistrict(3)]);
    school
      .given([setByDistrict(2)])
      .when(fromDistrict(2), ctx('inspector'))
      .thenNothing();
  });
});

describe('a school whose director set its calendar', () => {
  const calendar = RUSSIAN_CALENDAR_2025_26;
  const own = {
    type: 'SchoolCalendarSet' as const,
    data: { schoolId: 'school-1', calendar, source: { kind: 'school' as const } },
  };

  it('keeps its own calendar when the district pushes a default', () => {
    school
      .given([own])
      .when(
        {
          type: 'ApplyDistrictCalendar',
          data: { schoolId: 'school-1', districtId: 'district-1', version: 5, calendar },
        },
        ctx('inspector'),
      )
      .thenNothing();
  });

  it('records nothing when the same calendar is sent again', () => {
    school
      .given([own])
      .when({ type: 'SetSchoolCalendar', data: { schoolId: 'school-1', calendar } }, ctx('director'))
      .thenNothing();
  });
});

describe('escalation chain settings', () => {
  const chain = [
    { afterDays: 1, to: 'responsible' as const },
    { afterDays: 4, to: 'director' as const },
  ];

  it('takes a chain, preparation reminders and a day-off policy with the reminders', () => {
    school
      .given([])
      .when(
        {
          type: 'ChangeReminderSettings',
          data: {
            schoolId: 'school-1',
            daysBefore: [7],
            escalationGraceDays: 3,
            preparationDaysBefore: [2, 5],
            escalation: chain,
            repeatEveryDays: 0,
            dayOffPolicy: 'keep',
          },
        },
        ctx('director'),
      )
      .then([
        {
          type: 'ReminderSettingsChanged',
          data: {
            schoolId: 'school-1',
            daysBefore: [7],
            escalationGraceDays: 3,
            preparationDaysBefore: [5, 2],
            escalation: chain,
            repeatEveryDays: 0,
            dayOffPolicy: 'keep',
          },
        },
      ]);
  });

  it('refuses steps out of order, unknown addressees and senseless repeats', () => {
    const base = { schoolId: 'school-1', daysBefore: [7], escalationGraceDays: 3 };
    const given = school.given([]);
    given
      .when(
        { type: 'ChangeReminderSettings', data: { ...base, escalation: [...chain].reverse() } },
        ctx('director'),
      )
      .thenThrows('ESCALATION_CHAIN_INVALID');
    given
      .when(
        {
          type: 'ChangeReminderSettings',
          data: { ...base, escalation: [{ afterDays: 1, to: 'janitor' as never }] },
        },
        ctx('director'),
      )
      .thenThrows('ESCALATION_CHAIN_INVALID');
    given
      .when({ type: 'ChangeReminderSettings', data: { ...base, repeatEveryDays: -1 } }, ctx('director'))
      .thenThrows('ESCALATION_REPEAT_INVALID');
    given
      .when(
        { type: 'ChangeReminderSettings', data: { ...base, preparationDaysBefore: [0] } },
        ctx('director'),
      )
      .thenThrows('PREPARATION_REMINDERS_INVALID');
    given
      .when(
        { type: 'ChangeReminderSettings', data: { ...base, dayOffPolicy: 'later' as never } },
        ctx('director'),
      )
      .thenThrows('DAY_OFF_POLICY_INVALID');
  });
});
