import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
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
  type RecheckSchedule,
  type TimerPolicy,
  VsokoError,
} from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
import { DeciderHandler } from '../../libs/event-sourcing/src';
import { ProcedureClient } from '../procedure/client';

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
export function createDecisionActivities(deps: { store: EventStore; temporal?: Client }) {
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

  const procedures = deps.temporal ? new ProcedureClient(deps.temporal, deps.store) : undefined;
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

    /**
     * Schedules a re-check that «не эффективно» asked for, through the one procedure client, as the system and
     * caused by the assessment; its command id is the child's, so a repeat finds the procedure already there.
     */
    async startRecheck(input: { decisionId: string; child: RecheckSchedule }): Promise<RecheckOutcome> {
      const { decisionId, child } = input;
      if (!procedures) {
        throw ApplicationFailure.nonRetryable('no Temporal client: re-checks are not started by this worker');
      }
      const { recorded } = await handler.load(decisionStreamName(decisionId), decisionDecider);
      const cause = recorded.find(
        (e) =>
          e.type === 'EffectivenessAssessed' &&
          ((e.data as { rechecks?: RecheckSchedule[] }).rechecks ?? []).some(
            (c) => c.procedureId === child.procedureId,
          ),
      );
      if (!cause) return 'refused';
      try {
        await procedures.start(child.procedureId, {
          command: { type: 'ScheduleProcedure', data: child },
          context: {
            commandId: `recheck:${child.procedureId}`,
            actor: { id: 'system', kind: 'system', name: 'vsoko' },
            issuedAt: cause.metadata.occurredAt,
            correlationId: cause.metadata.correlationId,
            causationId: cause.id,
            schoolId: child.schoolId,
          },
        });
        return 'started';
      } catch (e) {
        if (!(e instanceof VsokoError)) throw e;
        return ['PROCEDURE_ALREADY_SCHEDULED', 'PROCEDURE_EXISTS'].includes(e.code) ? 'already' : 'refused';
      }
    },
  };
}

const SYSTEM = { id: 'system', kind: 'system', name: 'vsoko' } as const;

export type RecheckOutcome = 'started' | 'already' | 'refused';

export type DecisionActivities = ReturnType<typeof createDecisionActivities>;
