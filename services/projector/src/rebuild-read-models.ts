import type { EventStore } from '@vsoko/event-store';
import { ALL_PROJECTIONS, MongoProjector } from '@vsoko/projections';
import type { Db } from 'mongodb';

export interface RebuildProgress {
  position: number;
  head: number;
}

export interface RebuildResult {
  events: number;
  head: number;
  /** Documents per read-model collection after the replay. */
  counts: Record<string, number>;
  seconds: number;
}

export const REBUILD_PAGE = 1_000;

/**
 * Drops every read model and replays the whole log into them, page by page, storing the checkpoint after each
 * page as the projector does. Run it with the projector stopped: both would write the same documents.
 */
export async function rebuildReadModels(deps: {
  store: EventStore;
  db: Db;
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}): Promise<RebuildResult> {
  const start = process.hrtime.bigint();
  const projector = new MongoProjector(deps.db, ALL_PROJECTIONS);
  await projector.drop();
  await projector.ensureIndexes();
  const head = await deps.store.headPosition();
  const pageSize = deps.pageSize ?? REBUILD_PAGE;
  let position = 0;
  let events = 0;
  for (;;) {
    const page = await deps.store.readAll({ afterPosition: position, maxCount: pageSize });
    if (page.length === 0) break;
    await projector.apply(page);
    position = page[page.length - 1].position;
    events += page.length;
    deps.onProgress?.({ position, head: Math.max(head, position) });
  }
  const counts: Record<string, number> = {};
  for (const collection of new Set(ALL_PROJECTIONS.map((p) => p.collection))) {
    counts[collection] = await deps.db.collection(collection).countDocuments();
  }
  return { events, head: position, counts, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
