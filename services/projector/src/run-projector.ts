import type { EventStore, Subscription } from '@vsoko/event-store';
import { ALL_PROJECTIONS, Projector, type ReadStore } from '@vsoko/projections';
import { catchUp, rebuildReadModels, type RebuildProgress } from './rebuild-read-models';

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
 * again from the checkpoint and changes nothing it had already changed (see Projector).
 *
 * On start, read models written by an older layout (READ_MODELS_VERSION), or none at all beside a log that has
 * events (an installation from before this store), or a rebuild a crash left unfinished, are rebuilt from the
 * log first, reporting progress.
 */
export async function runProjector(deps: {
  store: EventStore;
  readStore: ReadStore;
  batchSize?: number;
  onError?: (error: unknown) => void;
  onRebuild?: (progress: RebuildProgress) => void;
  /** Behind by more than this many events at start, it catches up in large pages with progress first. */
  rebuildThreshold?: number;
}): Promise<RunningProjector> {
  const projector = new Projector(deps.readStore, ALL_PROJECTIONS);
  const threshold = deps.rebuildThreshold ?? REBUILD_THRESHOLD;
  // A rebuild a crash left unfinished is started again; so is one the layout or an empty store beside a long
  // log calls for. Where the store rebuilds beside itself (SQLite) the old store is not touched before the new
  // one is complete — not even prepared, which could build a new layout's indexes over an old table.
  const { unfinishedRebuild } = (await deps.readStore.recover?.()) ?? { unfinishedRebuild: false };
  const stale = !(await projector.current());
  const head = await deps.store.headPosition();
  const { position } = await projector.checkpoint();
  if (deps.readStore.rebuild && (unfinishedRebuild || stale || (position === 0 && head > threshold))) {
    await rebuildReadModels({ store: deps.store, readStore: deps.readStore, onProgress: deps.onRebuild });
    await projector.prepare();
  } else {
    await projector.prepare();
    if (stale) await projector.drop();
    const from = stale ? 0 : position;
    if (head - from > threshold && deps.onRebuild)
      await catchUp({ store: deps.store, projector, onProgress: deps.onRebuild });
  }
  const subscribe = async () =>
    deps.store.subscribeToAll((events) => projector.apply(events), {
      afterPosition: (await projector.checkpoint()).position,
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

/** Behind by more than this many events at start, the projector catches up in large pages with progress. */
export const REBUILD_THRESHOLD = 5_000;
