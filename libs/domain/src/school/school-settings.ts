import { assertNever, type CommandContext, type Decider, type DomainEvent } from '../shared';
import { fail, isAdministrator, requireReminders } from '../procedure/rules';
import type { ReminderSettings } from '../procedure/values';

/** A school's own settings, on its stream (`schoolStreamName`); procedures take them when scheduled. */
export type ReminderSettingsChanged = DomainEvent<
  'ReminderSettingsChanged',
  { schoolId: string } & ReminderSettings
>;
export type SchoolEvent = ReminderSettingsChanged;

export type ChangeReminderSettings = {
  type: 'ChangeReminderSettings';
  data: { schoolId: string } & ReminderSettings;
};
export type SchoolCommand = ChangeReminderSettings;

export interface SchoolSettingsState {
  reminders: ReminderSettings | null;
}

export const initialSchoolSettings: SchoolSettingsState = { reminders: null };

export function decideSchool(
  command: SchoolCommand,
  state: SchoolSettingsState,
  ctx: CommandContext,
): SchoolEvent[] {
  switch (command.type) {
    case 'ChangeReminderSettings': {
      const { schoolId, daysBefore, escalationGraceDays } = command.data;
      if (!isAdministrator(ctx.actor)) {
        fail(
          'ACTOR_NOT_ALLOWED',
          'Сроки напоминаний меняет администрация: директор или заместитель директора',
        );
      }
      if (ctx.schoolId !== schoolId) fail('SCHOOL_MISMATCH', 'Настройки другой школы менять нельзя');
      requireReminders({ daysBefore, escalationGraceDays });
      const sorted = [...daysBefore].sort((a, b) => b - a);
      const current = state.reminders;
      if (
        current &&
        current.escalationGraceDays === escalationGraceDays &&
        current.daysBefore.join() === sorted.join()
      ) {
        return [];
      }
      return [
        { type: 'ReminderSettingsChanged', data: { schoolId, daysBefore: sorted, escalationGraceDays } },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveSchool(_state: SchoolSettingsState, event: SchoolEvent): SchoolSettingsState {
  switch (event.type) {
    case 'ReminderSettingsChanged':
      return {
        reminders: { daysBefore: event.data.daysBefore, escalationGraceDays: event.data.escalationGraceDays },
      };
    default:
      return assertNever(event.type);
  }
}

export const schoolSettingsDecider: Decider<SchoolCommand, SchoolEvent, SchoolSettingsState> = {
  decide: decideSchool,
  evolve: evolveSchool,
  initialState: initialSchoolSettings,
};
