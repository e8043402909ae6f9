import { Injectable } from '@nestjs/common';
import {
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

  async reminders(schoolId: string): Promise<ReminderSettings & { custom: boolean }> {
    const { state } = await this.handler.load(schoolStreamName(schoolId), schoolSettingsDecider);
    return state.reminders ? { ...state.reminders, custom: true } : { ...DEFAULT_REMINDERS, custom: false };
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
