import type { RecordedEvent } from '@vsoko/event-store';
import type { AnyBulkWriteOperation, Db, Document } from 'mongodb';
import type { ProjectedDocument, Projection } from './projection';

export const CHECKPOINTS = 'checkpoints';

export interface Checkpoint {
  _id: string;
  position: number;
  updatedAt: string;
}

/**
 * Applies a batch of log events to the read models and then stores the checkpoint. MongoDB-compatible stores
 * without transactions (FerretDB v1) cannot write both atomically, so a crash between the two replays the batch;
 * each document's `_position` makes that replay a no-op.
 */
export class MongoProjector {
  constructor(
    private readonly db: Db,
    private readonly projections: ReadonlyArray<Projection<ProjectedDocument>>,
    private readonly name = 'read-models',
  ) {}

  async checkpoint(): Promise<number> {
    const doc = await this.db.collection<Checkpoint>(CHECKPOINTS).findOne({ _id: this.name });
    return doc?.position ?? 0;
  }

  async apply(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const projection of this.projections) {
      await this.applyTo(projection, events);
    }
    const last = events[events.length - 1].position;
    await this.db
      .collection<Checkpoint>(CHECKPOINTS)
      .updateOne(
        { _id: this.name },
        { $set: { position: last, updatedAt: new Date().toISOString() } },
        { upsert: true },
      );
  }

  private async applyTo(projection: Projection<ProjectedDocument>, events: RecordedEvent[]): Promise<void> {
    const relevant = events.filter((e) => projection.handles.includes(e.type));
    const byId = new Map<string, RecordedEvent[]>();
    for (const event of relevant) {
      const id = projection.documentId(event);
      if (id === null) continue;
      byId.set(id, [...(byId.get(id) ?? []), event]);
    }
    if (byId.size === 0) return;
    const collection = this.db.collection<ProjectedDocument>(projection.collection);
    const existing = await collection.find({ _id: { $in: [...byId.keys()] } }).toArray();
    const docs = new Map<string, ProjectedDocument | null>(existing.map((d) => [d._id, d]));
    const ops: AnyBulkWriteOperation<ProjectedDocument>[] = [];
    for (const [id, stream] of byId) {
      const before = docs.get(id) ?? null;
      let doc = before;
      for (const event of stream) {
        if (doc && event.position <= doc._position) continue;
        doc = projection.evolve(doc, event);
      }
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
    if (ops.length > 0) await collection.bulkWrite(ops, { ordered: true });
  }
}
