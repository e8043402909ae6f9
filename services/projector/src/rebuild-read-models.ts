import type { EventStore } from '@vsoko/event-store';
import {
  ALL_PROJECTIONS,
  InMemoryProjector,
  MongoProjector,
  type ProjectedDocument,
} from '@vsoko/projections';
import type { Db } from 'mongodb';

export interface RebuildProgress {
  phase: 'replay' | 'write';
  done: number;
  total: number;
}

export interface RebuildResult {
  events: number;
  head: number;
  /** Documents per read-model collection after the replay. */
  counts: Record<string, number>;
  seconds: number;
}

export const REBUILD_PAGE = 1_000;
const INSERT_CHUNK = 1_000;

/**
 * Drops every read model, folds the whole log in memory with the projector's own fold, inserts the documents
 * and stores the checkpoint last: a rebuild that dies half-way leaves no checkpoint, and running it again starts
 * over. Memory grows with the number of documents (about 1.7 per event, ~1 KB each): fine for a district's log;
 * beyond that, drop the collections and let the projector replay incrementally. Run with the projector stopped.
 */
export async function rebuildReadModels(deps: {
  store: EventStore;
  db: Db;
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}): Promise<RebuildResult> {
  const start = process.hrtime.bigint();
  const target = new MongoProjector(deps.db, ALL_PROJECTIONS);
  await target.drop();
  await target.ensureIndexes();
  const memory = new InMemoryProjector(ALL_PROJECTIONS);
  const head = await deps.store.headPosition();
  const pageSize = deps.pageSize ?? REBUILD_PAGE;
  let position = 0;
  let events = 0;
  for (;;) {
    const page = await deps.store.readAll({ afterPosition: position, maxCount: pageSize });
    if (page.length === 0) break;
    memory.apply(page);
    position = page[page.length - 1].position;
    events += page.length;
    deps.onProgress?.({ phase: 'replay', done: position, total: Math.max(head, position) });
  }
  const total = [...memory.collections.values()].reduce((n, docs) => n + docs.size, 0);
  const counts: Record<string, number> = {};
  let written = 0;
  for (const [collection, docs] of memory.collections) {
    const all = [...docs.values()];
    for (let i = 0; i < all.length; i += INSERT_CHUNK) {
      await deps.db.collection<ProjectedDocument>(collection).insertMany(all.slice(i, i + INSERT_CHUNK));
      written += Math.min(INSERT_CHUNK, all.length - i);
      deps.onProgress?.({ phase: 'write', done: written, total });
    }
    counts[collection] = await deps.db.collection(collection).countDocuments();
  }
  if (position > 0) await target.saveCheckpoint(position);
  return { events, head: position, counts, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
