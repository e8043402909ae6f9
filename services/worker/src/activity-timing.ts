import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { EventStore } from '@vsoko/event-store';
import { recordingWaits, timedWait, WaitRecorder, type Logger } from '@vsoko/observability';
import { performance } from 'node:perf_hooks';

/**
 * Every activity attempt this worker runs, as one structured line when it ends: which activity of which
 * workflow, its attempt, how long its task waited between being scheduled and reaching this worker
 * (`queuedMs`), how long it ran (`runMs`), what it waited for meanwhile (`waits`: the event log's calls and the
 * Temporal server's, by name), and how busy this process's event loop was (`eventLoopBusy`, 0…1: a synchronous
 * SQLite write or a busy wait keeps it at 1).
 *
 * Lines are `debug` unless something is off, then `warn`:
 * - the attempt ran or waited longer than `slowMs`;
 * - it is a retry (`attempt` > 1); the line then says what this worker knows of the attempt before it
 *   (`previousAttempt`): never seen here (the server recorded it started and the task never reached the
 *   activity's code in this worker — 115 of 6,800 attempts at 1,000 schools on a loaded machine — or another
 *   worker took it), still running here (stalled: on what, for how long), or ended here (after how long,
 *   how: then its completion did not reach the server before the timeout);
 * - it is still running at half its start-to-close timeout: a line then, with the waits still open.
 * This names the mechanism the next time an activity stalls until its timeout (issue 18: seen twice on an
 * overloaded machine, nothing logged).
 */
export function activityTiming(
  log: Logger,
  options: { slowMs?: number; remember?: number } = {},
): { interceptors: ActivityInterceptorsFactory; store: (store: EventStore) => EventStore } {
  const slowMs = options.slowMs ?? 5_000;
  const attempts = new AttemptBook(options.remember ?? 20_000);
  const interceptors: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        const { info } = ctx;
        // Standalone activities have no workflow.
        const workflowId = info.workflowExecution?.workflowId ?? '-';
        const key = `${workflowId}/${info.workflowExecution?.runId ?? '-'}/${info.activityId}`;
        const started = Date.now();
        const previous = info.attempt > 1 ? attempts.previous(key, info.attempt, started) : undefined;
        const recorder = new WaitRecorder();
        const elu = performance.eventLoopUtilization();
        const record = attempts.begin(key, info.attempt, started, recorder);
        const fields = {
          activity: info.activityType,
          workflowId,
          workflowType: info.workflowType,
          activityId: info.activityId,
          attempt: info.attempt,
          queuedMs: Math.max(0, started - info.currentAttemptScheduledTimestampMs),
          timeoutMs: info.startToCloseTimeoutMs,
        };
        const busy = () => Number(performance.eventLoopUtilization(elu).utilization.toFixed(2));
        const watch = setTimeout(
          () =>
            log.warn(
              {
                ...fields,
                runMs: Date.now() - started,
                waitingFor: recorder.openWaits(),
                waits: recorder.summary(),
                eventLoopBusy: busy(),
              },
              'activity still running at half its start-to-close timeout',
            ),
          Math.max(1, info.startToCloseTimeoutMs / 2),
        );
        watch.unref();
        const end = (outcome: 'completed' | 'failed', error?: unknown) => {
          const runMs = Date.now() - started;
          attempts.end(record, outcome, runMs);
          const line = {
            ...fields,
            runMs,
            outcome,
            ...(error !== undefined ? { error: error instanceof Error ? error.message : String(error) } : {}),
            waits: recorder.summary(),
            eventLoopBusy: busy(),
            ...(previous ? { previousAttempt: previous } : {}),
          };
          const off = info.attempt > 1 || runMs > slowMs || fields.queuedMs > slowMs;
          if (off) log.warn(line, 'activity attempt slow or retried');
          else log.debug(line, 'activity attempt');
        };
        try {
          const result = await recordingWaits(recorder, () => next(input));
          end('completed');
          return result;
        } catch (error) {
          end('failed', error);
          throw error;
        } finally {
          clearTimeout(watch);
        }
      },
    },
  });
  return { interceptors, store: timedEventStore };
}

/** What this worker knows of the attempt before a retry. */
export type PreviousAttempt =
  | { seenHere: false; meaning: string }
  | {
      seenHere: true;
      state: 'running';
      forMs: number;
      waitingFor: ReturnType<WaitRecorder['openWaits']>;
      meaning: string;
    }
  | { seenHere: true; state: 'completed' | 'failed'; runMs: number; endedMsAgo: number; meaning: string };

interface AttemptRecord {
  key: string;
  attempt: number;
  started: number;
  recorder: WaitRecorder;
  outcome?: 'completed' | 'failed';
  runMs?: number;
}

/** The last attempts run here, bounded, oldest forgotten first. */
class AttemptBook {
  private readonly byKey = new Map<string, AttemptRecord>();

  constructor(private readonly capacity: number) {}

  begin(key: string, attempt: number, started: number, recorder: WaitRecorder): AttemptRecord {
    const record: AttemptRecord = { key, attempt, started, recorder };
    this.byKey.delete(key);
    this.byKey.set(key, record);
    if (this.byKey.size > this.capacity) this.byKey.delete(this.byKey.keys().next().value as string);
    return record;
  }

  end(record: AttemptRecord, outcome: 'completed' | 'failed', runMs: number): void {
    record.outcome = outcome;
    record.runMs = runMs;
  }

  previous(key: string, attempt: number, now: number): PreviousAttempt {
    const record = this.byKey.get(key);
    if (!record || record.attempt !== attempt - 1)
      return {
        seenHere: false,
        meaning:
          'the attempt before never reached this worker: the server recorded it started and the task was lost before the activity ran (on the way or inside the SDK), or another worker took it',
      };
    if (!record.outcome)
      return {
        seenHere: true,
        state: 'running',
        forMs: now - record.started,
        waitingFor: record.recorder.openWaits(),
        meaning: 'the attempt before is still running here: it stalled on what waitingFor names',
      };
    return {
      seenHere: true,
      state: record.outcome,
      runMs: record.runMs ?? 0,
      endedMsAgo: now - record.started - (record.runMs ?? 0),
      meaning:
        record.outcome === 'completed'
          ? 'the attempt before completed here, and its completion did not reach the server before the timeout'
          : 'the attempt before failed here and was retried',
    };
  }
}

/**
 * The event log with each call counted as a wait of the activity attempt running it (`log.<method>`); the
 * batch append (`appendStreams`) is kept where the store has it.
 */
export function timedEventStore(store: EventStore): EventStore {
  const batch = (store as { appendStreams?: (...args: unknown[]) => Promise<unknown> }).appendStreams;
  const timed: EventStore & { appendStreams?: (...args: unknown[]) => Promise<unknown> } = {
    append: (...args) => timedWait('log.append', () => store.append(...args)),
    readStream: (...args) => timedWait('log.readStream', () => store.readStream(...args)),
    readAll: (...args) => timedWait('log.readAll', () => store.readAll(...args)),
    subscribeToAll: (...args) => store.subscribeToAll(...args),
    headPosition: () => timedWait('log.headPosition', () => store.headPosition()),
    getStreamMetadata: (...args) =>
      timedWait('log.getStreamMetadata', () => store.getStreamMetadata(...args)),
    setStreamMetadata: (...args) =>
      timedWait('log.setStreamMetadata', () => store.setStreamMetadata(...args)),
    close: () => store.close(),
  };
  if (typeof batch === 'function')
    timed.appendStreams = (...args) => timedWait('log.appendStreams', () => batch.apply(store, args));
  return timed;
}
