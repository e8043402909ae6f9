import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  decide,
  evolve,
  initialState,
  pendingTimers,
  type CommandContext,
  type ErrorKind,
  VsokoError,
  type ProcedureState,
  type TimerPolicy,
} from '../../libs/domain/src';
import type { ProcedureActivities } from './activities';
import {
  commandUpdate,
  FAILURE_PREFIX,
  procedureStreamName,
  snapshotQuery,
  type CommandEnvelope,
  type CommandOutcome,
  type ProcedureWorkflowInput,
} from './definitions';

const { appendEvents } = proxyActivities<ProcedureActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '10 seconds', backoffCoefficient: 2 },
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

  const remember = (commandId: string, outcome: CommandOutcome) => {
    recent.set(commandId, outcome);
    if (recent.size > REMEMBERED_COMMANDS) recent.delete(recent.keys().next().value as string);
  };

  const execute = async (envelope: CommandEnvelope): Promise<CommandOutcome> => {
    const { commandId } = envelope.context;
    const waited = busy;
    await condition(() => !busy);
    const seen = recent.get(commandId);
    if (seen) return seen;
    busy = true;
    try {
      checkExpectedRevision(envelope, revision);
      const events = decideOrFail(envelope, state, waited);
      if (events.length > 0) {
        const out = await appendEvents({
          streamName,
          expectedRevision: revision,
          context: envelope.context,
          events,
        });
        for (const event of events) state = evolve(state, event);
        revision = out.revision;
        position = out.position;
      }
      const outcome: CommandOutcome = { revision, position, eventTypes: events.map((e) => e.type) };
      remember(commandId, outcome);
      return outcome;
    } finally {
      busy = false;
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
      await condition(allHandlersFinished);
      return continueAsNew<typeof procedureWorkflow>({
        procedureId: input.procedureId,
        carried: { state, revision, position, recentCommands: [...recent.entries()] },
      });
    }
  }
  await condition(allHandlersFinished);
  return state;
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
  return {
    timeZone: 'timeZone' in state ? state.timeZone : 'Europe/Moscow',
    reminderDaysBefore: [7, 1],
    escalationGraceDays: 3,
  };
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
