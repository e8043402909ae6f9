import {
  decisionDecider,
  decisionStreamName,
  schoolSettingsDecider,
  schoolStreamName,
  timerPolicy,
  type DecisionState,
  type DecisionTimerCommand,
  type TimerPolicy,
} from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
import { DeciderHandler } from '../../libs/event-sourcing/src';

export interface DecisionSnapshot {
  state: DecisionState;
  policy: TimerPolicy | null;
}

export interface FireInput {
  command: DecisionTimerCommand;
  /** The workflow's clock when it fired: the instant the system records the fact. */
  firedAt: string;
}

/**
 * The decision's stream is the truth; the workflow only keeps time. Loading folds the stream with the domain's
 * evolve; firing goes through the one command handler as the system, with a command id derived from the timer,
 * so a retried activity (or a workflow replay) records each fact once.
 */
export function createDecisionActivities(deps: { store: EventStore }) {
  const handler = new DeciderHandler(deps.store);
  return {
    async loadDecision(decisionId: string): Promise<DecisionSnapshot> {
      const { state } = await handler.load(decisionStreamName(decisionId), decisionDecider);
      if (state.status === 'none') return { state, policy: null };
      const school = await handler.load(schoolStreamName(state.schoolId), schoolSettingsDecider);
      const reminders = school.state.reminders;
      return {
        state,
        policy: timerPolicy(
          state.timeZone,
          reminders
            ? { reminderDaysBefore: reminders.daysBefore, escalationGraceDays: reminders.escalationGraceDays }
            : {},
        ),
      };
    },

    async fireDecisionTimer(input: FireInput): Promise<string[]> {
      const { command, firedAt } = input;
      const { state } = await handler.load(decisionStreamName(command.data.decisionId), decisionDecider);
      if (state.status === 'none') return [];
      const key = `${command.type}:${command.data.dueAt}:${'daysBefore' in command.data ? command.data.daysBefore : ''}`;
      const result = await handler.handle(
        decisionStreamName(command.data.decisionId),
        decisionDecider,
        command,
        {
          commandId: `timer:${key}`,
          actor: { id: 'system', kind: 'system', name: 'vsoko' },
          issuedAt: firedAt,
          correlationId: `decision:${command.data.decisionId}`,
          causationId: `timer:${key}`,
          schoolId: state.schoolId,
        },
        { retries: 5 },
      );
      return result.events.map((e) => e.type);
    },
  };
}

export type DecisionActivities = ReturnType<typeof createDecisionActivities>;
