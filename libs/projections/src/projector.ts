import type { RecordedEvent } from '@vsoko/event-store';
import { contextFrom, factsOf, procedureIdOf, type ProcedureFacts, type ProjectionContext } from './context';
import { eventsByDocument, foldDocument } from './fold';
import { collectionsOf, type AnyProjection, type ProjectedDocument } from './projection';
import type { CollectionChanges, ReadStore, StoredCheckpoint } from './store/read-store';

export const READ_MODELS_CHECKPOINT = 'read-models';
/**
 * The documents' layout. Raise it when a projection changes what it writes: on its next start the projector
 * finds older documents and rebuilds every read model from the log.
 */
export const READ_MODELS_VERSION = 5;
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
    const ctx = contextFrom(await this.factsFor(events));
    const changes: CollectionChanges[] = [];
    for (const projection of this.projections) {
      const change = await this.changesOf(projection, events, ctx);
      // The summary first: a crash before the documents replays the batch, which rewrites both.
      if (projection.summary) changes.push(summaryOf(projection.summary, change));
      changes.push(change);
    }
    await this.store.write(
      changes.filter((c) => c.put.length > 0 || c.remove.length > 0),
      this.checkpointAt(events[events.length - 1].position),
    );
  }

  private async factsFor(events: readonly RecordedEvent[]): Promise<Map<string, ProcedureFacts>> {
    const facts = new Map<string, ProcedureFacts>();
    for (const event of events) {
      if (event.type === 'ProcedureScheduled') facts.set(procedureIdOf(event) ?? '', factsOf(event));
    }
    const missing = [...new Set(events.map(procedureIdOf))].filter(
      (id): id is string => id !== null && !facts.has(id),
    );
    const docs = await this.store.getMany<ProjectedDocument & ProcedureFacts>(
      PROCEDURE_FACTS_COLLECTION,
      missing,
    );
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
    const existing = await this.store.getMany(projection.collection, [...byId.keys()]);
    const docs = new Map<string, ProjectedDocument>(existing.map((d) => [d._id, d]));
    for (const [id, stream] of byId) {
      const before = docs.get(id) ?? null;
      const doc = foldDocument(projection, id, before, stream, ctx);
      if (doc === before) continue;
      if (doc === null) change.remove.push(id);
      else change.put.push(doc);
    }
    return change;
  }
}

function summaryOf(
  summary: NonNullable<AnyProjection['summary']>,
  change: CollectionChanges,
): CollectionChanges {
  return { collection: summary.collection, put: change.put.map((d) => summary.of(d)), remove: change.remove };
}
