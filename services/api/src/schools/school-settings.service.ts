import { Injectable } from '@nestjs/common';
import {
  chaseSettingsOf,
  procedureChaseOf,
  DEFAULT_TIMER_POLICY,
  schoolSettingsDecider,
  schoolStreamName,
  type CommandContext,
  type ReminderSettings,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';

export const DEFAULT_REMINDERS: ReminderSettings = {
  daysBefore: [...DEFAULT_TIMER_POLICY.reminderDaysBefore],
  escalationGraceDays: DEFAULT_TIMER_POLICY.escalationGraceDays,
};

/** A school's reminder settings, kept as events on its own stream. */
@Injectable()
export class SchoolSettings {
  constructor(private readonly handler: DeciderHandler) {}

  /** The settings in force, with the escalation chain's defaults filled in where the school set none. */
  async reminders(schoolId: string): Promise<Required<ReminderSettings> & { custom: boolean }> {
    const { state } = await this.handler.load(schoolStreamName(schoolId), schoolSettingsDecider);
    const base = state.reminders ?? DEFAULT_REMINDERS;
    return {
      daysBefore: base.daysBefore,
      escalationGraceDays: base.escalationGraceDays,
      ...chaseSettingsOf(state.reminders),
      custom: state.reminders !== null,
    };
  }

  /** The chain and working days a procedure is scheduled with (issue 15). */
  async procedureChase(schoolId: string, window: { from: string; to: string }, today: string) {
    const { state } = await this.handler.load(schoolStreamName(schoolId), schoolSettingsDecider);
    return procedureChaseOf(state, window, today);
  }

  async changeReminders(schoolId: string, settings: ReminderSettings, ctx: CommandContext) {
    const result = await this.handler.handle(
      schoolStreamName(schoolId),
      schoolSettingsDecider,
      { type: 'ChangeReminderSettings', data: { schoolId, ...settings } },
      ctx,
    );
    return {
      ...result.state.reminders,
      revision: result.revision,
      position: result.position,
      eventTypes: result.events.map((e) => e.type),
    };
  }
}
