import type { RecordedEvent } from '@vsoko/event-store';
import type { AnyBulkWriteOperation, Db, Document } from 'mongodb';
import {
  contextFrom,
  FACT_FIELDS,
  factsOf,
  procedureIdOf,
  type ProcedureFacts,
  type ProjectionContext,
} from './context';
import { eventsByDocument, foldDocument } from './fold';
import type { AnyProjection, ProjectedDocument } from './projection';

export const CHECKPOINTS = 'checkpoints';
export const PROCEDURE_FACTS_COLLECTION = 'procedures';

export interface Checkpoint {
  _id: string;
  position: number;
  updatedAt: string;
}

/**
 * Applies a batch of log events to the read models and then stores the checkpoint. MongoDB-compatible stores
 * without transactions (FerretDB v1) cannot write both atomically, so a crash between the two replays the batch;
 * each document's `_position` makes that replay a no-op, and every document is a function of the events up to
 * its `_position` only, so a replayed run ends with exactly the documents a clean rebuild writes.
 */
export class MongoProjector {
  constructor(
    private readonly db: Db,
    private readonly projections: readonly AnyProjection[],
    private readonly name = 'read-models',
  ) {}

  async checkpoint(): Promise<number> {
    const doc = await this.db.collection<Checkpoint>(CHECKPOINTS).findOne({ _id: this.name });
    return doc?.position ?? 0;
  }

  /** Creates the indexes that are missing (FerretDB v1 drops the connection when asked for an existing one). */
  async ensureIndexes(): Promise<void> {
    for (const projection of this.projections) {
      if (projection.indexes.length === 0) continue;
      const collection = this.db.collection(projection.collection);
      const existing = new Set(
        (
          await collection
            .listIndexes()
            .toArray()
            .catch(() => [])
        ).map((i: Document) => i.name as string),
      );
      const missing = projection.indexes.filter((i) => i.name === undefined || !existing.has(i.name));
      if (missing.length > 0) await collection.createIndexes([...missing]);
    }
  }

  /** Drops every read model and the checkpoint: the next run replays the whole log. */
  async drop(): Promise<void> {
    const existing = new Set(
      (await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name),
    );
    for (const name of new Set(this.projections.map((p) => p.collection))) {
      if (existing.has(name)) await this.db.collection(name).drop();
    }
    await this.db.collection<Checkpoint>(CHECKPOINTS).deleteOne({ _id: this.name });
  }

  async apply(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ctx = contextFrom(await this.factsFor(events));
    for (const projection of this.projections) {
      await this.applyTo(projection, events, ctx);
    }
    await this.saveCheckpoint(events[events.length - 1].position);
  }

  async saveCheckpoint(position: number): Promise<void> {
    await this.db
      .collection<Checkpoint>(CHECKPOINTS)
      .updateOne(
        { _id: this.name },
        { $set: { position, updatedAt: new Date().toISOString() } },
        { upsert: true },
      );
  }

  private async factsFor(events: RecordedEvent[]): Promise<Map<string, ProcedureFacts>> {
    const facts = new Map<string, ProcedureFacts>();
    for (const event of events) {
      if (event.type === 'ProcedureScheduled') facts.set(procedureIdOf(event) ?? '', factsOf(event));
    }
    const missing = [...new Set(events.map(procedureIdOf))].filter(
      (id): id is string => id !== null && !facts.has(id),
    );
    if (missing.length === 0) return facts;
    const projection = Object.fromEntries(FACT_FIELDS.map((f) => [f, 1]));
    const docs = await this.db
      .collection<ProjectedDocument & ProcedureFacts>(PROCEDURE_FACTS_COLLECTION)
      .find({ _id: { $in: missing } }, { projection })
      .toArray();
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

  private async applyTo(
    projection: AnyProjection,
    events: RecordedEvent[],
    ctx: ProjectionContext,
  ): Promise<void> {
    const byId = eventsByDocument(projection, events, ctx);
    if (byId.size === 0) return;
    if (projection.immutable) return this.insertOnce(projection, byId, ctx);
    const collection = this.db.collection<ProjectedDocument>(projection.collection);
    const existing = await collection.find({ _id: { $in: [...byId.keys()] } }).toArray();
    const docs = new Map<string, ProjectedDocument>(existing.map((d) => [d._id, d]));
    const ops: AnyBulkWriteOperation<ProjectedDocument>[] = [];
    for (const [id, stream] of byId) {
      const before = docs.get(id) ?? null;
      const doc = foldDocument(projection, id, before, stream, ctx);
      if (doc === before) continue;
      ops.push(
        doc === null
          ? { deleteOne: { filter: { _id: id } } }
          : {
              replaceOne: {
                filter: { _id: id },
                replacement: doc as Document as ProjectedDocument,
                upsert: true,
              },
            },
      );
    }
    if (ops.length > 0) await collection.bulkWrite(ops, { ordered: false });
  }

  // FerretDB's SQLite backend scans the collection for every update, even by _id, while inserts are cheap: the
  // largest read model (one document per event) is therefore only ever inserted. Documents already written by
  // a replayed batch are left out first: FerretDB v1 panics on duplicate keys in an unordered insertMany.
  private async insertOnce(
    projection: AnyProjection,
    byId: Map<string, RecordedEvent[]>,
    ctx: ProjectionContext,
  ): Promise<void> {
    const collection = this.db.collection<ProjectedDocument>(projection.collection);
    const present = await collection
      .find({ _id: { $in: [...byId.keys()] } }, { projection: { _id: 1 } })
      .toArray();
    const written = new Set(present.map((d) => d._id));
    const docs: ProjectedDocument[] = [];
    for (const [id, stream] of byId) {
      if (written.has(id)) continue;
      const doc = foldDocument(projection, id, null, stream, ctx);
      if (doc) docs.push(doc);
    }
    if (docs.length > 0) await collection.insertMany(docs, { ordered: false });
  }
}
