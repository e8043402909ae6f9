import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
  type RetryPolicy,
} from '@temporalio/workflow';
import { pendingTimers, procedureStreamName, type ProcedureState } from '../../libs/domain/src';
import type { ProcedureActivities } from './activities';
import { commandLock } from './command-lock';
import { CommandRunner } from './command-runner';
import { commandUpdate, snapshotQuery, type ProcedureWorkflowInput } from './definitions';
import { createSideEffects, messageOf } from './side-effects';
import { systemContext, workflowNow } from './system-context';
import { policyOf, timerKey } from './timer-policy';

// An append takes milliseconds; the timeout is how long a crashed worker's append waits before another retries it.
// Retried without end either way: the append is idempotent (event ids derived from the command id), and an event
// store outage must hold the command, not lose it; the caller's Update times out meanwhile (COMMAND_TIMEOUT).
const APPEND_TIMEOUT = '10 seconds';
const APPEND_RETRY: RetryPolicy = {
  initialInterval: '200 ms',
  maximumInterval: '10 seconds',
  backoffCoefficient: 2,
};

/** Runs recorded before LOCAL_APPEND_PATCH: the append as an activity task of the server, as they recorded it. */
const { appendEvents } = proxyActivities<ProcedureActivities>({
  startToCloseTimeout: APPEND_TIMEOUT,
  retry: APPEND_RETRY,
});

/**
 * Runs since this patch append through a local activity: the worker that runs the command's workflow task runs
 * the append too, and the command completes in that one workflow task, where an activity task cost a second
 * workflow task and the activity's dispatch (docs/PERFORMANCE.md, "Workflows"; ADR 0018). Retries, at most
 * 10 s apart (under the SDK's 1-minute local retry threshold), stay in the worker, which keeps the workflow task
 * alive meanwhile; a worker that dies mid-append leaves no marker, and the next one runs the same idempotent
 * append again. Asked once, when a run starts: a run begun before the patch keeps activity tasks to its end (or
 * its continue-as-new), so that its history replays.
 */
export const LOCAL_APPEND_PATCH = 'append-local-activity';

const { appendEvents: appendEventsLocally } = proxyLocalActivities<ProcedureActivities>({
  startToCloseTimeout: APPEND_TIMEOUT,
  retry: APPEND_RETRY,
});

/** A history this long is handed to a fresh run even before the server suggests it. */
const HISTORY_EVENTS_LIMIT = 5_000;
/** A started workflow whose first command was rejected gives up waiting after this long. */
const FIRST_COMMAND_WAIT = '1 hour';

/**
 * One procedure's life. Commands arrive as Updates: the validator runs the pure decider against the current
 * state, so a rejected command leaves no trace; the runner appends the events through a (local) activity with
 * the stream's expected revision and folds them in. Timers derived from the state produce overdue, reminder and
 * escalation commands through the same runner.
 */
export async function procedureWorkflow(input: ProcedureWorkflowInput): Promise<ProcedureState> {
  const { procedureId } = input;
  const streamName = procedureStreamName(procedureId);
  const effects = createSideEffects({
    procedureId,
    streamName,
    state: () => runner.state,
    execute: (envelope) => runner.execute(envelope),
  });
  const runner: CommandRunner = new CommandRunner({
    streamName,
    carried: input.carried,
    lock: commandLock(),
    append: patched(LOCAL_APPEND_PATCH) ? appendEventsLocally : appendEvents,
    recorded: effects.recorded,
  });
  const settled = () => allHandlersFinished() && effects.settled();

  setHandler(commandUpdate, (envelope) => runner.execute(envelope), {
    validator: (envelope) => runner.validate(envelope),
  });
  setHandler(snapshotQuery, () => runner.snapshot());

  if (input.initialCommand && runner.state.status === 'none') {
    await runner.execute(input.initialCommand).catch((e) =>
      // A re-check whose ScheduleProcedure is refused waits for a command by hand, like any unscheduled one.
      log.warn('initial command refused', { procedureId, error: messageOf(e) }),
    );
  }
  if (
    runner.state.status === 'none' &&
    !(await condition(() => runner.state.status !== 'none', FIRST_COMMAND_WAIT))
  ) {
    return runner.state;
  }

  while (runner.state.status !== 'closed' && runner.state.status !== 'cancelled') {
    const seenRevision = runner.revision;
    // Asked only for a procedure that carries a chase: histories of procedures without one (all recorded
    // before chains) get no patch marker and replay unchanged.
    const chains =
      'chase' in runner.state && runner.state.chase !== undefined && patched('escalation-chains');
    const next = pendingTimers(runner.state, policyOf(runner.state, chains))[0];
    const changed = next
      ? await condition(
          () => runner.revision !== seenRevision,
          Math.max(1, Date.parse(next.at) - workflowNow()),
        )
      : (await condition(() => runner.revision !== seenRevision || tooLong()), true);
    if (!changed && next) {
      await runner.execute({
        command: next.command,
        context: systemContext(runner.state, procedureId, timerKey(next)),
      });
    }
    if (tooLong()) {
      await condition(settled);
      return continueAsNew<typeof procedureWorkflow>({ procedureId, carried: runner.carry() });
    }
  }
  await condition(settled);
  return runner.state;
}

function tooLong(): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > HISTORY_EVENTS_LIMIT;
}
