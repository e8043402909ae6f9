import { SubscriptionStopped } from '../errors';
import type { BatchHandler, RecordedEvent, Subscription } from '../port';

export interface PollingSource {
  /** Events strictly after `afterPosition`, oldest first, at most `maxCount`. */
  read(afterPosition: number, maxCount: number): Promise<RecordedEvent[]>;
  /** Calls `listener` when this process appends; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void;
  /** How long to sleep when caught up before looking again, for appends made by other processes. */
  pollIntervalMs: number;
}

interface Waiter {
  position: number;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Catch-up subscription over any readable log: reads from the checkpoint in batches, and when nothing is
 * left sleeps until an append in this process wakes it or the poll interval passes.
 * Delivery is at-least-once from the subscriber's point of view: the handler sees every event once per
 * run, in order; after a restart it resumes from the checkpoint it stored.
 */
export function pollingSubscription(
  source: PollingSource,
  handler: BatchHandler,
  options: { afterPosition?: number; batchSize?: number },
): Subscription {
  const batchSize = options.batchSize ?? 500;
  let checkpoint = options.afterPosition ?? 0;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let waiters: Waiter[] = [];
  let wake: (() => void) | undefined;

  const settleWaiters = (): void => {
    waiters = waiters.filter((w) => {
      if (w.position <= checkpoint) w.resolve();
      else if (failure) w.reject(failure.error);
      else if (stopped) w.reject(new SubscriptionStopped(w.position));
      else return true;
      return false;
    });
  };

  // Set by every append signal; cleared before each read, so a signal that arrives while reading is not lost.
  let signalled = false;
  const sleep = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, source.pollIntervalMs);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  const unsubscribe = source.onAppend(() => {
    signalled = true;
    wake?.();
  });

  const run = async (): Promise<void> => {
    try {
      while (!stopped) {
        signalled = false;
        const events = await source.read(checkpoint, batchSize);
        if (stopped) break;
        if (events.length === 0) {
          if (!signalled) await sleep();
          continue;
        }
        await handler(events);
        checkpoint = events[events.length - 1].position;
        settleWaiters();
      }
    } catch (error) {
      failure = { error };
      stopped = true;
    } finally {
      unsubscribe();
    }
    settleWaiters();
    if (failure) throw failure.error;
  };

  const done = run();
  done.catch(() => undefined);

  return {
    done,
    caughtUpTo(position: number): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiters.push({ position, resolve, reject });
        settleWaiters();
      });
    },
    async stop(): Promise<void> {
      stopped = true;
      wake?.();
      await done.catch(() => undefined);
    },
  };
}
