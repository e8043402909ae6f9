import { spec } from '../testing/decider-spec';
import type { CommandContext } from '../shared';
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
