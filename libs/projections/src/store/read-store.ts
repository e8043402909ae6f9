import type { CollectionSpec, ProjectedDocument } from '../projection';

export type Scalar = string | number | boolean | null;

/**
 * A condition on one field (a dotted path): equal to a value, one of several, or within a range. On a field
 * that holds a list (a projection's `arrayFields`), equality means "the list contains the value", as in MongoDB.
 */
export type Condition =
  Scalar | { $in: readonly Scalar[] } | { $gte?: Scalar; $lte?: Scalar; $gt?: Scalar; $lt?: Scalar };

/** Every condition must hold. The syntax is a subset of MongoDB's filters, so that adapter passes it through. */
export type Where = Readonly<Record<string, Condition>>;

/** Field → 1 (ascending) or -1, in order of precedence. */
export type SortSpec = Readonly<Record<string, 1 | -1>>;

export interface FindQuery {
  where: Where;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  /** Top-level fields left out of the answer (large lists a query does not need). */
  exclude?: readonly string[];
}

/** What one batch changes in one collection. */
export interface CollectionChanges {
  collection: string;
  put: readonly ProjectedDocument[];
  remove: readonly string[];
  /** Documents that never change (one per event): a replayed insert of a present id changes nothing. */
  insertOnly?: boolean;
}

export interface StoredCheckpoint {
  position: number;
  /** The read models' layout version the documents were written with (READ_MODELS_VERSION). */
  version: number | null;
}

/**
 * The read models' storage, as the projector writes it and the API reads it. Two adapters pass one contract
 * suite (`read-store.contract.ts`): MongoDB for production, and an embedded SQLite file with an index for
 * every query, the default on one machine. Neither knows what the documents mean.
 */
export interface ReadStore {
  readonly kind: 'sqlite' | 'mongodb';
  /** Creates what is missing for these read models: tables or collections, and one index per query. */
  prepare(projections: readonly CollectionSpec[]): Promise<void>;
  get<T extends ProjectedDocument>(collection: string, id: string): Promise<T | null>;
  getMany<T extends ProjectedDocument>(collection: string, ids: readonly string[]): Promise<T[]>;
  find<T extends ProjectedDocument>(collection: string, query: FindQuery): Promise<T[]>;
  count(collection: string, where: Where): Promise<number>;
  /**
   * Writes a batch and then the checkpoint: in one transaction where the store has them (SQLite); otherwise the
   * checkpoint last, so a crash in between replays the batch, which `_position` makes harmless.
   */
  write(
    changes: readonly CollectionChanges[],
    checkpoint?: { name: string; position: number; version: number },
  ): Promise<void>;
  checkpoint(name: string): Promise<StoredCheckpoint>;
  /** Drops the collections and the checkpoint: the next run replays the whole log. */
  drop(collections: readonly string[], checkpointName: string): Promise<void>;
  close(): Promise<void>;
}
