import type { EventStore, Subscription } from '@vsoko/event-store';
import { ALL_PROJECTIONS, MongoProjector } from '@vsoko/projections';
import type { Db } from 'mongodb';

export interface RunningProjector {
  /** The subscription in force; replaced after a failed batch. */
  readonly subscription: Subscription;
  /** Settles when the projector is stopped. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export const BATCH_SIZE = 500;
export const RETRY_DELAY_MS = 1_000;

/**
 * Follows the log from the stored checkpoint and keeps every read model up to date. Delivery is at least once:
 * after a crash, or a batch that failed (e.g. the read store dropped the connection), the batch is delivered
 * again from the checkpoint and changes nothing it had already changed (see MongoProjector).
 */
export async function runProjector(deps: {
  store: EventStore;
  db: Db;
  batchSize?: number;
  onError?: (error: unknown) => void;
}): Promise<RunningProjector> {
  const projector = new MongoProjector(deps.db, ALL_PROJECTIONS);
  await projector.ensureIndexes();
  const subscribe = async () =>
    deps.store.subscribeToAll((events) => projector.apply(events), {
      afterPosition: await projector.checkpoint(),
      batchSize: deps.batchSize ?? BATCH_SIZE,
    });
  let stopped = false;
  let current = await subscribe();
  const done = (async () => {
    for (;;) {
      try {
        await current.done;
        return;
      } catch (error) {
        if (stopped) return;
        deps.onError?.(error);
      }
      for (;;) {
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
        if (stopped) return;
        try {
          current = await subscribe();
          break;
        } catch (error) {
          deps.onError?.(error);
        }
      }
    }
  })();
  return {
    get subscription() {
      return current;
    },
    done,
    async stop() {
      stopped = true;
      await current.stop();
      await done;
    },
  };
}
