import type { EventStore, RecordedEvent } from '@vsoko/event-store';
import {
  ALL_COLLECTIONS,
  ALL_PROJECTIONS,
  InMemoryProjector,
  Projector,
  WriteBackStore,
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
 * Replays the whole log (up to `until`, when given) into fresh read models with the live projector's own fold.
 * Run with the projector stopped (the projector's start runs it when the layout changed or nothing was built).
 *
 * - SQLite (`ReadStore.rebuild`): into a fresh file beside the store, page by page, without a journal file or
 *   syncs; the documents the pages touch stay in memory and each is written once it goes cold or after the last
 *   page, with the checkpoint (`WriteBackStore`); the secondary indexes are built once at the end; then one fsync
 *   and the file is swapped in whole (`sqlite-files.ts`). Readers see the old store until then, never a half-built
 *   one; a rebuild that dies half-way leaves its file under a name that the next start deletes before rebuilding
 *   again. Memory stays bounded (a page, and WRITE_BACK_DOCUMENTS documents) whatever the log's size.
 * - MongoDB/FerretDB: dropped, folded in memory, then inserted, checkpoint last. FerretDB's SQLite backend
 *   scans the collection on every update, even by `_id`, while inserts are cheap (ADR 0003); memory grows with
 *   the number of documents (about 1.7 per event, ~1 KB each).
 */
export async function rebuildReadModels(deps: {
  store: EventStore;
  readStore: ReadStore;
  until?: number;
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Count each collection's documents afterwards (default true; the benchmark leaves it out of its timing). */
  counts?: boolean;
}): Promise<RebuildResult> {
  const start = process.hrtime.bigint();
  let result: { events: number; head: number };
  // What a crash left of an earlier rebuild beside the store goes first (a swap of a complete one is finished).
  await deps.readStore.recover?.();
  if (deps.readStore.rebuild) {
    const target = await deps.readStore.rebuild();
    try {
      // The documents the pages touch stay in memory and are written once they go cold (or at the end), not
      // with every page: a roll-up touched by every page is written once.
      const cache = new WriteBackStore(target.store, undefined, { fresh: true });
      const projector = new Projector(cache, ALL_PROJECTIONS);
      await projector.prepare();
      // SQLite builds an index over a full table by sorting it once; row by row it writes a random leaf of
      // every index for every document.
      await projector.dropIndexes();
      result = await replayPages({ ...deps, after: 0, apply: (page) => projector.apply(page) });
      await cache.flush();
      deps.onProgress?.({ phase: 'index', done: 0, total: 1 });
      await projector.prepare();
      deps.onProgress?.({ phase: 'index', done: 1, total: 1 });
      await target.commit();
    } catch (error) {
      await target.discard();
      throw error;
    }
  } else {
    const projector = new Projector(deps.readStore, ALL_PROJECTIONS);
    await projector.drop();
    result = await foldInMemory({ ...deps, projector });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const counts: Record<string, number> = {};
  if (deps.counts !== false)
    for (const collection of new Set(ALL_COLLECTIONS.map((c) => c.collection)))
      counts[collection] = await deps.readStore.count(collection, {});
  return { ...result, counts, seconds };
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
  return replayPages({ ...deps, after, apply: (page) => deps.projector.apply(page) });
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
