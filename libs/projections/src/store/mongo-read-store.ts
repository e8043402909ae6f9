import type { AnyBulkWriteOperation, Db, Document, Filter } from 'mongodb';
import type { CollectionSpec, ProjectedDocument } from '../projection';
import {
  keysetAlternatives,
  valueAt,
  type CollectionChanges,
  type FindQuery,
  type JsonDocument,
  type ReadStore,
  type StoredCheckpoint,
  type Where,
} from './read-store';

export const CHECKPOINTS = 'checkpoints';

export interface Checkpoint {
  _id: string;
  position: number;
  version?: number;
  updatedAt: string;
}

/**
 * The read models in MongoDB (production), or in FerretDB, which speaks its wire protocol. FerretDB v1 has no
 * transactions: the batch is written first and the checkpoint last (see ReadStore.write).
 */
export class MongoReadStore implements ReadStore {
  readonly kind = 'mongodb';

  constructor(
    readonly db: Db,
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {}

  /** Creates the indexes that are missing (FerretDB v1 drops the connection when asked for an existing one). */
  async prepare(projections: readonly CollectionSpec[]): Promise<void> {
    for (const projection of projections) {
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

  /** MongoDB's rebuild folds in memory and inserts into the collections `prepare` indexed: nothing to drop. */
  async dropIndexes(): Promise<void> {}

  async get<T extends ProjectedDocument>(collection: string, id: string): Promise<T | null> {
    return (await this.db.collection<ProjectedDocument>(collection).findOne({ _id: id })) as T | null;
  }

  async getMany<T extends ProjectedDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    return (await this.db
      .collection<ProjectedDocument>(collection)
      .find({ _id: { $in: [...ids] } })
      .toArray()) as T[];
  }

  async find<T extends ProjectedDocument>(collection: string, query: FindQuery): Promise<T[]> {
    const exclude = Object.fromEntries((query.exclude ?? []).map((f) => [f, 0]));
    let filter = query.where as Filter<Document>;
    if (query.after) {
      const alternatives = keysetAlternatives(query.sort ?? {}, query.after).map(({ equal, beyond }) => {
        const { field, direction, value } = beyond;
        const past =
          value === null
            ? { [field]: { $ne: null } }
            : direction === 1
              ? { [field]: { $gt: value } }
              : { $or: [{ [field]: { $lt: value } }, { [field]: null }] };
        return { $and: [...equal.map(([f, v]) => ({ [f]: v })), past] };
      });
      if (alternatives.length === 0) return [];
      filter = { $and: [filter, { $or: alternatives }] } as Filter<Document>;
    }
    let cursor = this.db
      .collection(collection)
      .find(filter, query.exclude?.length ? { projection: exclude } : {});
    if (query.sort && Object.keys(query.sort).length > 0) cursor = cursor.sort({ ...query.sort });
    if (query.skip) cursor = cursor.skip(query.skip);
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    return (await cursor.toArray()) as unknown as T[];
  }

  /**
   * The driver answers BSON, decoded into objects: this adapter has no text to hand on, so it writes each
   * document's (as the API would have).
   */
  async findJson(collection: string, query: FindQuery, fields: readonly string[]): Promise<JsonDocument[]> {
    return (await this.find(collection, query)).map((doc) => ({
      json: Buffer.from(JSON.stringify(doc)),
      values: fields.map((f) => valueAt(doc, f)),
    }));
  }

  async count(collection: string, where: Where): Promise<number> {
    return this.db.collection(collection).countDocuments(where as Filter<Document>);
  }

  async write(
    changes: readonly CollectionChanges[],
    checkpoint?: { name: string; position: number; version: number },
  ): Promise<void> {
    for (const change of changes) {
      if (change.insertOnly) await this.insertOnce(change);
      else await this.replace(change);
    }
    if (checkpoint)
      await this.db.collection<Checkpoint>(CHECKPOINTS).updateOne(
        { _id: checkpoint.name },
        {
          $set: {
            position: checkpoint.position,
            version: checkpoint.version,
            updatedAt: new Date().toISOString(),
          },
        },
        { upsert: true },
      );
  }

  async checkpoint(name: string): Promise<StoredCheckpoint> {
    const doc = await this.db.collection<Checkpoint>(CHECKPOINTS).findOne({ _id: name });
    return { position: doc?.position ?? 0, version: doc?.version ?? null };
  }

  async drop(collections: readonly string[], checkpointName: string): Promise<void> {
    const existing = new Set(
      (await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name),
    );
    for (const name of new Set(collections)) {
      if (existing.has(name)) await this.db.collection(name).drop();
    }
    await this.db.collection<Checkpoint>(CHECKPOINTS).deleteOne({ _id: checkpointName });
  }

  async close(): Promise<void> {
    await this.onClose();
  }

  private async replace(change: CollectionChanges): Promise<void> {
    const ops: AnyBulkWriteOperation<ProjectedDocument>[] = [
      ...change.put.map((doc) => ({
        replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
      })),
      ...change.remove.map((id) => ({ deleteOne: { filter: { _id: id } } })),
    ];
    if (ops.length > 0)
      await this.db.collection<ProjectedDocument>(change.collection).bulkWrite(ops, { ordered: false });
  }

  // FerretDB's SQLite backend scans the collection for every update, even by _id, while inserts are cheap: the
  // documents that never change are only ever inserted. Those already written by a replayed batch are left out
  // first: FerretDB v1 panics on duplicate keys in an unordered insertMany.
  private async insertOnce(change: CollectionChanges): Promise<void> {
    if (change.put.length === 0) return;
    const collection = this.db.collection<ProjectedDocument>(change.collection);
    const present = await collection
      .find({ _id: { $in: change.put.map((d) => d._id) } }, { projection: { _id: 1 } })
      .toArray();
    const written = new Set(present.map((d) => d._id));
    const fresh = change.put.filter((d) => !written.has(d._id));
    if (fresh.length > 0) await collection.insertMany(fresh, { ordered: false });
  }
}
