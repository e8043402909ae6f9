import type { EventStore, Subscription } from '@vsoko/event-store';
import { ALL_PROJECTIONS, MongoProjector } from '@vsoko/projections';
import type { Db } from 'mongodb';

export interface RunningProjector {
  subscription: Subscription;
  stop(): Promise<void>;
}

export const BATCH_SIZE = 500;

/**
 * Follows the log from the stored checkpoint and keeps every read model up to date. Delivery is at least once:
 * after a crash the batch in flight is delivered again and changes nothing (see MongoProjector).
 */
export async function runProjector(deps: {
  store: EventStore;
  db: Db;
  batchSize?: number;
}): Promise<RunningProjector> {
  const projector = new MongoProjector(deps.db, ALL_PROJECTIONS);
  await projector.ensureIndexes();
  const afterPosition = await projector.checkpoint();
  const subscription = deps.store.subscribeToAll((events) => projector.apply(events), {
    afterPosition,
    batchSize: deps.batchSize ?? BATCH_SIZE,
  });
  return { subscription, stop: () => subscription.stop() };
}
