import type { EventStore, RecordedEvent } from '@vsoko/event-store';
import {
  ALL_COLLECTIONS,
  ALL_PROJECTIONS,
  InMemoryProjector,
  Projector,
  type CollectionChanges,
  type ReadStore,
} from '@vsoko/projections';

export interface RebuildProgress {
  phase: 'replay' | 'write' | 'index';
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

export const REBUILD_PAGE = 5_000;
const INSERT_CHUNK = 1_000;

/**
 * Drops every read model and replays the whole log into them with the live projector's own fold. Run with the
 * projector stopped.
 *
 * - SQLite: page by page, each page's documents written once with its checkpoint (reads by `_id` cost
 *   microseconds there): memory stays bounded by a page whatever the log's size, and a rebuild that dies
 *   half-way resumes where it stopped when the projector starts.
 * - MongoDB/FerretDB: folded in memory, then inserted, checkpoint last. FerretDB's SQLite backend scans the
 *   collection on every update, even by `_id`, while inserts are cheap (ADR 0003); memory grows with the
 *   number of documents (about 1.7 per event, ~1 KB each).
 */
export async function rebuildReadModels(deps: {
  store: EventStore;
  readStore: ReadStore;
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}): Promise<RebuildResult> {
  const start = process.hrtime.bigint();
  const projector = new Projector(deps.readStore, ALL_PROJECTIONS);
  await projector.drop();
  const { events, head } =
    deps.readStore.kind === 'sqlite'
      ? await catchUp({ ...deps, projector })
      : await foldInMemory({ ...deps, projector });
  const counts: Record<string, number> = {};
  for (const collection of new Set(ALL_COLLECTIONS.map((c) => c.collection)))
    counts[collection] = await deps.readStore.count(collection, {});
  return { events, head, counts, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * Reads the log after `after` (up to `until`, inclusive, when given) in pages and hands each to `apply`,
 * reporting progress after each; answers how many events it read and the last position.
 */
export async function replayPages(deps: {
  store: EventStore;
  after: number;
  until?: number;
  pageSize?: number;
  apply: (page: RecordedEvent[]) => Promise<void> | void;
  onProgress?: (progress: RebuildProgress) => void;
}): Promise<{ events: number; head: number }> {
  const head = deps.until ?? (await deps.store.headPosition());
  let position = deps.after;
  let events = 0;
  while (deps.until === undefined || position < deps.until) {
    const room = deps.until === undefined ? Infinity : deps.until - position;
    const page = await deps.store.readAll({
      afterPosition: position,
      maxCount: Math.min(deps.pageSize ?? REBUILD_PAGE, room),
    });
    if (page.length === 0) break;
    await deps.apply(page);
    position = page[page.length - 1].position;
    events += page.length;
    deps.onProgress?.({ phase: 'replay', done: position, total: Math.max(head, position) });
  }
  return { events, head: position };
}

/** Applies the log from the checkpoint to its head (or `until`) in pages with the projector's own path. */
export async function catchUp(deps: {
  store: EventStore;
  projector: Projector;
  until?: number;
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}): Promise<{ events: number; head: number }> {
  const after = (await deps.projector.checkpoint()).position;
  // From an empty store (a rebuild) the indexes are built once at the end. A rebuild that dies half-way
  // resumes from its checkpoint without them; the projector's start (`prepare`) builds them again.
  if (after === 0) await deps.projector.dropIndexes();
  const result = await replayPages({ ...deps, after, apply: (page) => deps.projector.apply(page) });
  if (after === 0) {
    deps.onProgress?.({ phase: 'index', done: 0, total: 1 });
    await deps.projector.prepare();
    deps.onProgress?.({ phase: 'index', done: 1, total: 1 });
  }
  return result;
}

/** The MongoDB/FerretDB rebuild: fold the log (up to `until`) in memory, insert every document once, checkpoint last. */
export async function foldInMemory(deps: {
  store: EventStore;
  readStore: ReadStore;
  projector: Projector;
  until?: number;
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}): Promise<{ events: number; head: number }> {
  const memory = new InMemoryProjector(ALL_PROJECTIONS);
  const { events, head } = await replayPages({ ...deps, after: 0, apply: (page) => memory.apply(page) });
  const total = [...memory.collections.values()].reduce((n, docs) => n + docs.size, 0);
  let written = 0;
  for (const [collection, docs] of memory.collections) {
    const all = [...docs.values()];
    for (let i = 0; i < all.length; i += INSERT_CHUNK) {
      const chunk: CollectionChanges = {
        collection,
        put: all.slice(i, i + INSERT_CHUNK),
        remove: [],
        insertOnly: true,
      };
      await deps.readStore.write([chunk]);
      written += chunk.put.length;
      deps.onProgress?.({ phase: 'write', done: written, total });
    }
  }
  if (head > 0) await deps.readStore.write([], deps.projector.checkpointAt(head));
  return { events, head };
}
