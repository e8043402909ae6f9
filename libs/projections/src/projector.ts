import type { RecordedEvent } from '@vsoko/event-store';
import { contextFrom, factsOf, procedureIdOf, type ProcedureFacts, type ProjectionContext } from './context';
import { eventsByDocument, foldDocument } from './fold';
import { collectionsOf, rollupsOf, type AnyProjection, type ProjectedDocument } from './projection';
import { RollupChanges } from './rollup';
import type { CollectionChanges, ReadStore, StoredCheckpoint } from './store/read-store';

export const READ_MODELS_CHECKPOINT = 'read-models';
/**
 * The documents' layout. Raise it when a projection changes what it writes: on its next start the projector
 * finds older documents and rebuilds every read model from the log.
 */
export const READ_MODELS_VERSION = 15;
export const PROCEDURE_FACTS_COLLECTION = 'procedures';

/**
 * Applies a batch of log events to the read models and then stores the checkpoint. Each document the batch
 * touches is read once, folded through all its events of the batch and written once. Where the store has no
 * transactions (FerretDB v1) a crash between the documents and the checkpoint replays the batch; each document's
 * `_position` makes that replay a no-op, and every document is a function of the events up to its `_position`
 * only, so a replayed run ends with exactly the documents a clean rebuild writes.
 */
export class Projector {
  constructor(
    readonly store: ReadStore,
    private readonly projections: readonly AnyProjection[],
    private readonly name = READ_MODELS_CHECKPOINT,
    private readonly version = READ_MODELS_VERSION,
  ) {}

  async checkpoint(): Promise<StoredCheckpoint> {
    return this.store.checkpoint(this.name);
  }

  /** The stored documents were written by this layout (or nothing was written yet). */
  async current(): Promise<boolean> {
    const { position, version } = await this.checkpoint();
    return position === 0 || version === this.version;
  }

  async prepare(): Promise<void> {
    await this.store.prepare(this.projections.flatMap(collectionsOf));
  }

  /** Drops the indexes a rebuild into an empty store builds faster at its end (`prepare` builds them). */
  async dropIndexes(): Promise<void> {
    await this.store.dropIndexes(this.projections.flatMap(collectionsOf));
  }

  /** Drops every read model and the checkpoint: the next run replays the whole log. */
  async drop(): Promise<void> {
    await this.store.drop(
      this.projections.flatMap(collectionsOf).map((c) => c.collection),
      this.name,
    );
    await this.prepare();
  }

  /** The checkpoint a batch ending at `position` stores. */
  checkpointAt(position: number): { name: string; position: number; version: number } {
    return { name: this.name, position, version: this.version };
  }

  async apply(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const read = batchReader(this.store);
    const ctx = contextFrom(await this.factsFor(events, read));
    const changes: CollectionChanges[] = [];
    for (const projection of this.projections) {
      const rollups = rollupsOf(projection).map((r) => new RollupChanges(r));
      const change = await this.changesOf(projection, events, ctx, rollups, read);
      // Roll-ups and the summary first: a crash before the documents replays the batch (see `Rollup`).
      for (const rollup of rollups) changes.push(await this.rollupChangesOf(rollup, read));
      if (projection.summary) changes.push(summaryOf(projection.summary, change));
      changes.push(change);
    }
    await this.store.write(
      changes.filter((c) => c.put.length > 0 || c.remove.length > 0),
      this.checkpointAt(events[events.length - 1].position),
    );
  }

  private async factsFor(
    events: readonly RecordedEvent[],
    read: BatchReader,
  ): Promise<Map<string, ProcedureFacts>> {
    const facts = new Map<string, ProcedureFacts>();
    for (const event of events) {
      if (event.type === 'ProcedureScheduled') facts.set(procedureIdOf(event) ?? '', factsOf(event));
    }
    const missing = [...new Set(events.map(procedureIdOf))].filter(
      (id): id is string => id !== null && !facts.has(id),
    );
    const docs = (await read(PROCEDURE_FACTS_COLLECTION, missing)) as (ProjectedDocument & ProcedureFacts)[];
    for (const doc of docs) {
      const { procedureId, schoolId, academicYear, title, direction, timeZone, districtId } = doc;
      facts.set(procedureId, {
        procedureId,
        schoolId,
        academicYear,
        title,
        direction,
        timeZone,
        districtId: districtId ?? null,
      });
    }
    return facts;
  }

  private async changesOf(
    projection: AnyProjection,
    events: readonly RecordedEvent[],
    ctx: ProjectionContext,
    rollups: readonly RollupChanges[],
    read: BatchReader,
  ): Promise<CollectionChanges> {
    const byId = eventsByDocument(projection, events, ctx);
    const change = {
      collection: projection.collection,
      put: [] as ProjectedDocument[],
      remove: [] as string[],
    };
    if (byId.size === 0) return change;
    if (projection.immutable) {
      for (const [id, stream] of byId) {
        const doc = foldDocument(projection, id, null, stream, ctx);
        if (doc) change.put.push(doc);
      }
      return { ...change, insertOnly: true };
    }
    const existing = await read(projection.collection, [...byId.keys()]);
    const docs = new Map<string, ProjectedDocument>(existing.map((d) => [d._id, d]));
    const onChange =
      rollups.length === 0
        ? undefined
        : (from: ProjectedDocument | null, to: ProjectedDocument | null, position: number) => {
            for (const rollup of rollups) rollup.record(from, to, position);
          };
    for (const [id, stream] of byId) {
      const before = docs.get(id) ?? null;
      const doc = foldDocument(projection, id, before, stream, ctx, onChange);
      if (doc === before) continue;
      if (doc === null) change.remove.push(id);
      else change.put.push(doc);
    }
    return change;
  }

  /** Each roll-up document the batch changes, read once and written once. */
  private async rollupChangesOf(rollup: RollupChanges, read: BatchReader): Promise<CollectionChanges> {
    const put: ProjectedDocument[] = [];
    if (rollup.size > 0) {
      const stored = await read(rollup.rollup.collection, rollup.ids());
      const byId = new Map(stored.map((d) => [d._id, d]));
      for (const id of rollup.ids()) {
        const before = byId.get(id) ?? null;
        const after = rollup.fold(id, before);
        if (after && after !== before) put.push(after);
      }
    }
    return { collection: rollup.rollup.collection, put, remove: [] };
  }
}

type BatchReader = (collection: string, ids: readonly string[]) => Promise<ProjectedDocument[]>;

/**
 * Reads documents by id for one batch, each at most once: the procedures read for their facts are the ones the
 * procedure projection folds next. The documents are never changed in place (a fold makes new ones).
 */
function batchReader(store: ReadStore): BatchReader {
  const seen = new Map<string, Map<string, ProjectedDocument | null>>();
  return async (collection, ids) => {
    let known = seen.get(collection);
    if (!known) seen.set(collection, (known = new Map()));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      for (const id of missing) known.set(id, null);
      for (const doc of await store.getMany(collection, missing)) known.set(doc._id, doc);
    }
    return ids.map((id) => known.get(id)).filter((d): d is ProjectedDocument => d != null);
  };
}

function summaryOf(
  summary: NonNullable<AnyProjection['summary']>,
  change: CollectionChanges,
): CollectionChanges {
  return { collection: summary.collection, put: change.put.map((d) => summary.of(d)), remove: change.remove };
}
