import {
  chaseSettingsOf,
  decisionDecider,
  dueDateOf,
  localDateOf,
  workingDaysAround,
  decisionStreamName,
  schoolSettingsDecider,
  schoolStreamName,
  timerPolicy,
  type DecisionNotificationRecorded,
  type DecisionState,
  type DecisionStreamEvent,
  type DecisionTimerCommand,
  type TimerPolicy,
} from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
import { DeciderHandler } from '../../libs/event-sourcing/src';

export interface DecisionSnapshot {
  state: DecisionState;
  policy: TimerPolicy | null;
}

/** A fact a timer recorded, with its place in the stream: what a mail is about. */
export interface RecordedDecisionEvent {
  event: DecisionStreamEvent;
  revision: number;
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

  async function fire(input: FireInput): Promise<RecordedDecisionEvent[]> {
    const { command, firedAt } = input;
    const { state } = await handler.load(decisionStreamName(command.data.decisionId), decisionDecider);
    if (state.status === 'none') return [];
    const step = 'step' in command.data && command.data.step !== undefined ? `:step${command.data.step}` : '';
    const key = `${command.type}:${command.data.dueAt}:${'daysBefore' in command.data ? command.data.daysBefore : ''}${step}`;
    const result = await handler.handle(
      decisionStreamName(command.data.decisionId),
      decisionDecider,
      command,
      {
        commandId: `timer:${key}`,
        actor: SYSTEM,
        issuedAt: firedAt,
        correlationId: `decision:${command.data.decisionId}`,
        causationId: `timer:${key}`,
        schoolId: state.schoolId,
      },
      { retries: 5 },
    );
    const first = result.revision - result.events.length + 1;
    return result.events.map((event, i) => ({ event, revision: first + i }));
  }

  return {
    async loadDecision(decisionId: string): Promise<DecisionSnapshot> {
      const { state } = await handler.load(decisionStreamName(decisionId), decisionDecider);
      if (state.status === 'none') return { state, policy: null };
      const school = await handler.load(schoolStreamName(state.schoolId), schoolSettingsDecider);
      const reminders = school.state.reminders;
      const chase = chaseSettingsOf(reminders);
      // The calendar reaches the workflow as this activity's result, so a replay sees the same days off.
      const around = dueDateOf(state.deadline.parsed) ?? localDateOf(Date.now(), state.timeZone);
      const workingDays = workingDaysAround(school.state, around);
      return {
        state,
        policy: timerPolicy(state.timeZone, {
          ...(reminders
            ? { reminderDaysBefore: reminders.daysBefore, escalationGraceDays: reminders.escalationGraceDays }
            : {}),
          chase: {
            preparationDaysBefore: chase.preparationDaysBefore,
            escalation: chase.escalation,
            repeatEveryDays: chase.repeatEveryDays,
          },
          ...(workingDays ? { workingDays } : {}),
        }),
      };
    },

    async fireDecisionTimer(input: FireInput): Promise<string[]> {
      return (await fire(input)).map((r) => r.event.type);
    },

    /** The same as `fireDecisionTimer`, answering the recorded facts themselves, so that they can be mailed. */
    async fireDecisionTimerRecorded(input: FireInput): Promise<RecordedDecisionEvent[]> {
      return fire(input);
    },

    /** The outcome of a mail, on the decision's stream; the notification id makes a retry record nothing twice. */
    async recordDecisionNotification(data: DecisionNotificationRecorded['data']): Promise<void> {
      const { state } = await handler.load(decisionStreamName(data.decisionId), decisionDecider);
      if (state.status === 'none') return;
      const key = `notification:${data.notificationId}`;
      await handler.handle(
        decisionStreamName(data.decisionId),
        decisionDecider,
        { type: 'RecordDecisionNotification', data },
        {
          commandId: key,
          actor: SYSTEM,
          issuedAt: new Date().toISOString(),
          correlationId: `decision:${data.decisionId}`,
          causationId: key,
          schoolId: state.schoolId,
        },
        { retries: 5 },
      );
    },
  };
}

const SYSTEM = { id: 'system', kind: 'system', name: 'vsoko' } as const;

export type DecisionActivities = ReturnType<typeof createDecisionActivities>;
