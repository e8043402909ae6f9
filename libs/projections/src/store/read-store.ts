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
  /**
   * Keyset paging: the sort fields' values of the last document of the previous page, in the sort's order; the
   * answer starts right after it. Needs a sort that orders every document apart (end it with `_id`). A missing
   * value sorts first ascending and last descending, as MongoDB sorts it.
   */
  after?: readonly Scalar[];
  skip?: number;
  limit?: number;
  /** Top-level fields left out of the answer (large lists a query does not need). */
  exclude?: readonly string[];
}

/**
 * One document of `ReadStore.findJson`: its JSON text as the store holds it, UTF-8 (never turned into an object
 * nor into a JavaScript string), and the values of the fields the caller named, in that order.
 */
export interface JsonDocument {
  json: Buffer;
  /**
   * Each field as the store compares it in a filter or a cursor: `valueAt` (missing is null), except that a
   * store may answer a boolean as 1 or 0 (SQLite), which its own filters and cursors take as that boolean.
   */
  values: Scalar[];
}

/** A document's value at a dotted path (`window.from`), for a keyset cursor; missing is null. */
export function valueAt(doc: unknown, path: string): Scalar {
  let value: unknown = doc;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[key];
  return value === undefined ? null : (value as Scalar);
}

/**
 * The keyset condition as a list of alternatives, one per sort field: the fields before it equal the cursor's
 * values and this one lies beyond its value in the sort's direction (null: missing or null). An alternative
 * that can match nothing is left out.
 */
export function keysetAlternatives(
  sort: SortSpec,
  after: readonly Scalar[],
): { equal: [string, Scalar][]; beyond: { field: string; direction: 1 | -1; value: Scalar } }[] {
  const fields = Object.entries(sort);
  if (after.length !== fields.length) throw new Error('read store: a cursor needs one value per sort field');
  const out: ReturnType<typeof keysetAlternatives> = [];
  fields.forEach(([field, direction], i) => {
    if (direction === -1 && after[i] === null) return; // nothing sorts after null descending
    out.push({
      equal: fields.slice(0, i).map(([f], j) => [f, after[j]]),
      beyond: { field, direction, value: after[i] },
    });
  });
  return out;
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
  /**
   * Before a rebuild into an empty store: drops the indexes the store builds faster once at the end than row
   * by row (SQLite); `prepare` builds them again. Queries stay correct meanwhile, only slower.
   */
  dropIndexes(projections: readonly CollectionSpec[]): Promise<void>;
  get<T extends ProjectedDocument>(collection: string, id: string): Promise<T | null>;
  getMany<T extends ProjectedDocument>(collection: string, ids: readonly string[]): Promise<T[]>;
  find<T extends ProjectedDocument>(collection: string, query: FindQuery): Promise<T[]>;
  /**
   * `find`'s answer as JSON text, for a page handed on as it is (issue 18: turning a page of ~2 KB documents
   * into objects and back into text was four fifths of its cost): each `json` parses to the document `find`
   * answers for the same query, in the same order; `values` are the named fields' values of each (the school to
   * check, the sort keys of the next page's cursor), read without parsing the document in JavaScript.
   */
  findJson(collection: string, query: FindQuery, fields: readonly string[]): Promise<JsonDocument[]>;
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
  /**
   * A rebuild beside the store (SQLite): a fresh, empty store written without durability that no reader sees
   * until `commit` swaps it in whole. Absent where a rebuild writes in place (MongoDB: drop, then insert).
   */
  rebuild?(): Promise<RebuildTarget>;
  /**
   * At start: settles what a crash left of a rebuild beside the store, and answers whether one was left
   * unfinished (the caller rebuilds again). Absent where there is nothing beside the store.
   */
  recover?(): Promise<{ unfinishedRebuild: boolean }>;
  close(): Promise<void>;
}

/** A rebuild being written beside the live store (`ReadStore.rebuild`). */
export interface RebuildTarget {
  /** The fresh store the rebuild writes (tables, documents, checkpoint, then its indexes). */
  readonly store: ReadStore;
  /** Makes it durable and puts it in the live store's place; the live store then reads and writes it. */
  commit(): Promise<void>;
  /** Throws it away; the live store stays as it was. */
  discard(): Promise<void>;
}
