import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { ActivityFailure, RetryState, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  decide,
  evolve,
  initialState,
  pendingTimers,
  procedureStreamName,
  timerPolicy,
  type CommandContext,
  type ErrorKind,
  type NotificationTopic,
  type ScheduleProcedure,
  VsokoError,
  type ProcedureState,
  type TimerPolicy,
} from '../../libs/domain/src';
import {
  describeAddressee,
  isNotifiable,
  NOTIFICATIONS_TASK_QUEUE,
  type NotifiableEvent,
} from '../notifications/definitions';
import type { NotificationActivities } from '../notifications/activities';
import type { ProcedureActivities } from './activities';
import {
  commandUpdate,
  FAILURE_PREFIX,
  procedureWorkflowId,
  PROCEDURES_TASK_QUEUE,
  snapshotQuery,
  type CommandEnvelope,
  type CommandOutcome,
  type ProcedureWorkflowInput,
} from './definitions';

// An append takes milliseconds; the timeout is how long a crashed worker's append waits before another retries it.
const { appendEvents } = proxyActivities<ProcedureActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '10 seconds', backoffCoefficient: 2 },
});

const NOTIFICATION_ATTEMPTS = 10;

// Mail may be down for hours; the procedure never waits for it, and the final outcome is recorded either way.
const { sendNotification } = proxyActivities<NotificationActivities>({
  taskQueue: NOTIFICATIONS_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '30 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 hour',
    maximumAttempts: NOTIFICATION_ATTEMPTS,
  },
});

/** How many command outcomes a run remembers for idempotent retries; carried over by continue-as-new. */
const REMEMBERED_COMMANDS = 200;
/** A history this long is handed to a fresh run even before the server suggests it. */
const HISTORY_EVENTS_LIMIT = 5_000;
/** A started workflow whose first command was rejected gives up waiting after this long. */
const FIRST_COMMAND_WAIT = '1 hour';

/**
 * One procedure's life. Commands arrive as Updates: the validator runs the pure decider against the current
 * state, so a rejected command leaves no trace; the handler appends the events through an activity with the
 * stream's expected revision and folds them in. Timers derived from the state produce overdue, reminder and
 * escalation commands through the same path.
 */
export async function procedureWorkflow(input: ProcedureWorkflowInput): Promise<ProcedureState> {
  const streamName = procedureStreamName(input.procedureId);
  let state: ProcedureState = input.carried?.state ?? initialState;
  let revision = input.carried?.revision ?? -1;
  let position = input.carried?.position ?? 0;
  const recent = new Map<string, CommandOutcome>(input.carried?.recentCommands ?? []);
  let busy = false;
  let notificationsInFlight = 0;

  const remember = (commandId: string, outcome: CommandOutcome) => {
    recent.set(commandId, outcome);
    if (recent.size > REMEMBERED_COMMANDS) recent.delete(recent.keys().next().value as string);
  };

  const execute = async (envelope: CommandEnvelope): Promise<CommandOutcome> => {
    const { commandId } = envelope.context;
    // A lock between handlers: the check and the set run with no await between them, so two updates delivered
    // in the same activation cannot both get in.
    let waited = false;
    while (busy) {
      waited = true;
      await condition(() => !busy);
    }
    const seen = recent.get(commandId);
    if (seen) return seen;
    busy = true;
    try {
      checkExpectedRevision(envelope, revision);
      const events = decideOrFail(envelope, state, waited);
      if (events.length > 0) {
        const firstRevision = revision + 1;
        const out = await appendEvents({
          streamName,
          expectedRevision: revision,
          context: envelope.context,
          events,
        });
        for (const event of events) state = evolve(state, event);
        revision = out.revision;
        position = out.position;
        events.forEach((event, i) => {
          if (isNotifiable(event)) notify(event, firstRevision + i);
          if (event.type === 'RecheckRequested') void scheduleRecheck(event.data.child, envelope.context);
        });
      }
      const outcome: CommandOutcome = { revision, position, eventTypes: events.map((e) => e.type) };
      remember(commandId, outcome);
      return outcome;
    } finally {
      busy = false;
    }
  };

  /** Sends in the background; its outcome comes back as a command, so it is recorded like everything else. */
  const notify = (event: NotifiableEvent, eventRevision: number) => {
    notificationsInFlight++;
    const notificationId = `${streamName}:${eventRevision}`;
    const about = topicOf(event);
    const schoolId = 'schoolId' in state ? state.schoolId : '';
    const procedure = {
      procedureId: input.procedureId,
      title: 'title' in state ? state.title : input.procedureId,
      timeZone: 'timeZone' in state ? state.timeZone : 'Europe/Moscow',
    };
    void (async () => {
      const base = { procedureId: input.procedureId, notificationId, channel: 'email' as const, about };
      try {
        const delivery = await sendNotification({ notificationId, schoolId, procedure, event });
        await execute({
          command: { type: 'RecordNotificationSent', data: { ...base, ...delivery } },
          context: systemContext(state, input.procedureId, `notification:${notificationId}`),
        });
      } catch (e) {
        const attempt = attemptsOf(e);
        await execute({
          command: {
            type: 'RecordNotificationFailed',
            data: {
              ...base,
              recipient: describeAddressee(event),
              attempt,
              error: messageOf(e),
              willRetry: false,
            },
          },
          context: systemContext(state, input.procedureId, `notification:${notificationId}:failed`),
        }).catch((recordError) =>
          // Never let a notification take the procedure down: at worst the outcome is missing from the log.
          log.error('notification outcome not recorded', { notificationId, error: messageOf(recordError) }),
        );
      } finally {
        notificationsInFlight--;
      }
    })();
  };

  const scheduleRecheck = async (child: ScheduleProcedure['data'], cause: CommandContext) => {
    try {
      await startChild(procedureWorkflow, {
        workflowId: procedureWorkflowId(child.procedureId),
        taskQueue: PROCEDURES_TASK_QUEUE,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [
          {
            procedureId: child.procedureId,
            initialCommand: {
              command: { type: 'ScheduleProcedure', data: child },
              context: {
                ...systemContext(state, child.procedureId, `recheck:${child.procedureId}`),
                causationId: cause.commandId,
              },
            },
          },
        ],
      });
    } catch (e) {
      // Already started (a replayed or repeated request) is the outcome we wanted; anything else is logged, the
      // re-check can be scheduled by hand, and the parent procedure goes on.
      if (!(e instanceof WorkflowExecutionAlreadyStartedError))
        log.warn('re-check not started', { error: messageOf(e) });
    }
  };

  setHandler(commandUpdate, execute, {
    validator: (envelope) => {
      if (recent.has(envelope.context.commandId)) return;
      checkExpectedRevision(envelope, revision);
      decideOrFail(envelope, state, false);
    },
  });
  setHandler(snapshotQuery, () => ({ state, revision, position }));

  if (input.initialCommand && state.status === 'none')
    await execute(input.initialCommand).catch(() => undefined);
  if (state.status === 'none' && !(await condition(() => state.status !== 'none', FIRST_COMMAND_WAIT))) {
    return state;
  }

  while (state.status !== 'closed' && state.status !== 'cancelled') {
    const seenRevision = revision;
    const next = pendingTimers(state, policyOf(state))[0];
    const changed = next
      ? await condition(() => revision !== seenRevision, Math.max(1, Date.parse(next.at) - workflowNow()))
      : (await condition(() => revision !== seenRevision || tooLong()), true);
    if (!changed && next) {
      await execute({
        command: next.command,
        context: systemContext(state, input.procedureId, timerKey(next)),
      });
    }
    if (tooLong()) {
      await condition(() => allHandlersFinished() && notificationsInFlight === 0);
      return continueAsNew<typeof procedureWorkflow>({
        procedureId: input.procedureId,
        carried: { state, revision, position, recentCommands: [...recent.entries()] },
      });
    }
  }
  await condition(() => allHandlersFinished() && notificationsInFlight === 0);
  return state;
}

function topicOf(event: NotifiableEvent): NotificationTopic {
  switch (event.type) {
    case 'StageOverdue':
      return { kind: 'stage-overdue', stage: event.data.stage };
    case 'DecisionReminderDue':
      return {
        kind: 'decision-reminder',
        decisionId: event.data.decisionId,
        daysBefore: event.data.daysBefore,
      };
    case 'DecisionOverdue':
      return { kind: 'decision-overdue', decisionId: event.data.decisionId };
    case 'EscalatedToDirector':
      return event.data.subject.kind === 'decision'
        ? { kind: 'escalation', decisionId: event.data.subject.decisionId }
        : { kind: 'escalation', stage: event.data.subject.stage };
  }
}

/** How many times the mail activity ran before giving up: all of them, unless the failure was final at once. */
function attemptsOf(e: unknown): number {
  return e instanceof ActivityFailure && e.retryState === RetryState.MAXIMUM_ATTEMPTS_REACHED
    ? NOTIFICATION_ATTEMPTS
    : 1;
}

function messageOf(e: unknown): string {
  const cause = (e as { cause?: { message?: string } })?.cause;
  return (cause?.message ?? (e instanceof Error ? e.message : String(e))).slice(0, 500);
}

function timerKey(timer: { kind: string; at: string; decisionId?: string; daysBefore?: number }): string {
  return [timer.kind, timer.decisionId ?? '', timer.daysBefore ?? '', timer.at].join(':');
}

function tooLong(): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > HISTORY_EVENTS_LIMIT;
}

// Date.now() inside a workflow is Temporal's replay-safe clock (the time of the current workflow task).
// eslint-disable-next-line no-restricted-syntax
const workflowNow = (): number => Date.now();

function policyOf(state: ProcedureState): TimerPolicy {
  if (!('timeZone' in state)) return timerPolicy('Europe/Moscow');
  const reminders = state.reminders;
  return timerPolicy(
    state.timeZone,
    reminders
      ? { reminderDaysBefore: reminders.daysBefore, escalationGraceDays: reminders.escalationGraceDays }
      : {},
  );
}

function systemContext(state: ProcedureState, procedureId: string, timerKey: string): CommandContext {
  const issuedAt = new Date(workflowNow()).toISOString();
  return {
    commandId: `timer:${procedureId}:${timerKey}`,
    actor: { id: 'system', kind: 'system', name: 'vsoko' },
    issuedAt,
    correlationId: procedureId,
    causationId: `timer:${timerKey}`,
    schoolId: 'schoolId' in state ? state.schoolId : '',
  };
}

function checkExpectedRevision(envelope: CommandEnvelope, revision: number): void {
  if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
    throw failure(
      'conflict',
      'REVISION_MISMATCH',
      `Процедура изменилась: ожидалась версия ${envelope.expectedRevision}, текущая ${revision}`,
      {
        expected: envelope.expectedRevision,
        current: revision,
      },
    );
  }
}

/**
 * A refused command keeps its kind and code across Temporal. But when it had to wait for another command that
 * changed the procedure meanwhile, the honest answer is a concurrency conflict (409): it was valid when sent.
 */
function decideOrFail(envelope: CommandEnvelope, state: ProcedureState, waitedForAnother: boolean) {
  try {
    return decide(envelope.command, state, envelope.context);
  } catch (e) {
    if (!(e instanceof VsokoError)) throw e;
    if (waitedForAnother && e.kind === 'rule') {
      throw failure(
        'conflict',
        'CONCURRENT_MODIFICATION',
        `Процедуру одновременно изменил другой пользователь: ${e.message}`,
        {
          rule: e.code,
        },
      );
    }
    throw failure(e.kind, e.code, e.message, e.details);
  }
}

function failure(
  kind: ErrorKind,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: FAILURE_PREFIX + kind,
    message,
    details: [code, details ?? null],
    nonRetryable: true,
  });
}
