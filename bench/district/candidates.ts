import Database from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '@vsoko/event-store';
import {
  ALL_COLLECTIONS,
  keyColumnsOf,
  MongoReadStore,
  removeStoreFiles,
  SqliteReadStore,
  type CollectionChanges,
  type ProjectedDocument,
  type ReadStore,
} from '@vsoko/projections';
import type { Db, MongoClient } from 'mongodb';
import { closeSync, copyFileSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A recorded batch: what the live projector wrote, replayed as raw writes by the baseline. */
export type RecordedWrite = { changes: readonly CollectionChanges[]; position: number };

/**
 * A read-model store under measurement, with the least its server can do for each figure: raw inserts of given
 * documents into fresh collections, and raw writes of given batches (no reads, no folding).
 */
export interface Candidate {
  name: string;
  /** A fresh, empty store. */
  open(label: string): Promise<ReadStore>;
  /** The store `label` as it is. */
  reopen(label: string): Promise<ReadStore>;
  /** A second store holding exactly what `label`'s store holds now (for the raw side of the live figure). */
  copy(label: string, store: ReadStore, into: string): Promise<ReadStore>;
  /** A fresh store with the read models' tables or collections and indexes, for raw inserts. */
  rawPrepare(label: string): Promise<void>;
  rawInsert(label: string, collection: string, docs: readonly ProjectedDocument[]): Promise<void>;
  /** After the raw inserts: the indexes `rawPrepare` left out, built once. */
  rawIndex(label: string): Promise<void>;
  rawWrite(store: ReadStore, batches: readonly RecordedWrite[]): Promise<void>;
  rawGetById(store: ReadStore): (id: string) => unknown;
  /** Resident memory of the candidate's server processes, bytes (0: it lives in this process). */
  serverRss(): number;
  close(): Promise<void>;
}

/** The list fields of each collection: their membership rows are part of what the store writes. */
const ARRAYS = new Map(ALL_COLLECTIONS.map((c) => [c.collection, c.arrayFields ?? []]));
/** The key columns of the tables stored in an index's order (procedures by school, year and window). */
const KEYS = new Map(ALL_COLLECTIONS.map((c) => [c.collection, keyColumnsOf(c)]));

/**
 * A raw connection with the read store's own settings: the live store's (WAL, `synchronous=NORMAL`, its page
 * cache), or a rebuild's (`rebuilding`: journal in memory, no syncs, one connection holding the file, a large cache).
 */
function rawConnection(path: string, rebuilding = false): Database.Database {
  const db = new Database(path);
  if (rebuilding) {
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -524288');
    return db;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  return db;
}

/** Raw statements for one table: the document, and its list fields' membership rows (MongoDB's multikey index). */
function rawTable(db: Database.Database, collection: string, put: string) {
  const arrays = ARRAYS.get(collection) ?? [];
  const member =
    arrays.length > 0
      ? db.prepare(`INSERT OR IGNORE INTO "rm_${collection}__members" (field, value, id) VALUES (?, ?, ?)`)
      : null;
  const clear = arrays.length > 0 ? db.prepare(`DELETE FROM "rm_${collection}__members" WHERE id = ?`) : null;
  const keys = KEYS.get(collection) ?? { columns: [], values: () => [] };
  const columns = [...keys.columns, '_id', 'doc'];
  const doc = db.prepare(
    `${put} INTO "rm_${collection}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const remove = db.prepare(`DELETE FROM "rm_${collection}" WHERE _id = ?`);
  const members = (d: ProjectedDocument) => {
    for (const field of arrays) {
      const values = (d as unknown as Record<string, unknown>)[field];
      if (Array.isArray(values)) for (const v of values) member!.run(field, v, d._id);
    }
  };
  return {
    insert(d: ProjectedDocument) {
      doc.run(...keys.values(d), d._id, JSON.stringify(d));
      if (member) members(d);
    },
    replace(d: ProjectedDocument, insertOnly: boolean) {
      doc.run(...keys.values(d), d._id, JSON.stringify(d));
      if (!member) return;
      if (!insertOnly) clear!.run(d._id);
      members(d);
    },
    remove(id: string) {
      remove.run(id);
      clear?.run(id);
    },
  };
}

/**
 * The raw side writes what the store writes and nothing more: the same documents as JSON text with the same
 * tables, indexes and membership rows of list fields, on a connection with the store's settings — without
 * reading, folding or checking anything. Its rebuild inserts into bare tables of a fresh file with a rebuild's
 * settings (journal in memory, no syncs), then builds the indexes, switches the file to WAL and syncs it once, as the
 * store's rebuild does before it swaps its file in.
 */
export function sqliteCandidate(dir: string): Candidate {
  const path = (label: string) => join(dir, `${label}.sqlite`);
  const raw = new Map<ReadStore, Database.Database>();
  const rawOf = (store: ReadStore) => {
    const db = raw.get(store) ?? rawConnection((store as SqliteReadStore).path);
    raw.set(store, db);
    return db;
  };
  return {
    name: 'sqlite',
    async open(label) {
      removeStoreFiles(path(label));
      return new SqliteReadStore(path(label), ALL_COLLECTIONS);
    },
    async reopen(label) {
      return new SqliteReadStore(path(label), ALL_COLLECTIONS);
    },
    async copy(label, store, into) {
      await store.close();
      copyFileSync(path(label), path(into));
      return new SqliteReadStore(path(into), ALL_COLLECTIONS);
    },
    async rawPrepare(label) {
      removeStoreFiles(path(label));
      const store = new SqliteReadStore(path(label), [], { rebuilding: true });
      await store.prepare(ALL_COLLECTIONS);
      await store.dropIndexes(ALL_COLLECTIONS);
      await store.close();
    },
    async rawInsert(label, collection, list) {
      const db = rawConnection(path(label), true);
      const table = rawTable(db, collection, 'INSERT');
      for (let i = 0; i < list.length; i += 1_000)
        db.transaction(() => {
          for (const doc of list.slice(i, i + 1_000)) table.insert(doc);
        })();
      db.close();
    },
    async rawIndex(label) {
      const store = new SqliteReadStore(path(label), [], { rebuilding: true });
      await store.prepare(ALL_COLLECTIONS);
      await store.close();
      const db = new Database(path(label));
      db.pragma('journal_mode = WAL');
      db.close();
      const fd = openSync(path(label), 'r+');
      fsyncSync(fd);
      closeSync(fd);
    },
    async rawWrite(store, batches) {
      const db = rawOf(store);
      const tables = new Map<string, ReturnType<typeof rawTable>>();
      const of = (c: string) => {
        let t = tables.get(c);
        if (!t) tables.set(c, (t = rawTable(db, c, 'INSERT OR REPLACE')));
        return t;
      };
      const checkpoint = db.prepare(`UPDATE checkpoints SET position = ? WHERE name = 'read-models'`);
      for (const batch of batches)
        db.transaction(() => {
          for (const change of batch.changes) {
            const t = of(change.collection);
            for (const doc of change.put) t.replace(doc, change.insertOnly === true);
            for (const id of change.remove) t.remove(id);
          }
          checkpoint.run(batch.position);
        })();
    },
    rawGetById(store) {
      const get = rawOf(store).prepare(`SELECT doc FROM rm_procedures WHERE _id = ?`);
      return (id) => JSON.parse((get.get(id) as { doc: string }).doc);
    },
    serverRss: () => 0,
    async close() {
      for (const db of raw.values()) db.close();
    },
  };
}

export function mongoCandidate(name: string, client: MongoClient, serverPids: () => number[]): Candidate {
  const dbs: Db[] = [];
  const db = (label: string) => {
    const d = client.db(`bench_${label.replace(/\W/g, '_')}`);
    dbs.push(d);
    return d;
  };
  return {
    name,
    async open(label) {
      const d = db(label);
      await d.dropDatabase();
      return new MongoReadStore(d);
    },
    async reopen(label) {
      return new MongoReadStore(db(label));
    },
    async copy(_label, store, into) {
      const target = db(into);
      await target.dropDatabase();
      const source = (store as MongoReadStore).db;
      for (const c of await source.listCollections({}, { nameOnly: true }).toArray()) {
        const docs = await source.collection(c.name).find().toArray();
        if (docs.length > 0) await target.collection(c.name).insertMany(docs);
      }
      const copy = new MongoReadStore(target);
      await copy.prepare(ALL_COLLECTIONS);
      return copy;
    },
    async rawPrepare(label) {
      const d = db(label);
      await d.dropDatabase();
      await new MongoReadStore(d).prepare(ALL_COLLECTIONS);
    },
    async rawInsert(label, collection, list) {
      const d = db(label);
      for (let i = 0; i < list.length; i += 1_000)
        await d.collection<ProjectedDocument>(collection).insertMany(
          list.slice(i, i + 1_000).map((doc) => ({ ...doc })),
          { ordered: false },
        );
    },
    async rawIndex() {},
    async rawWrite(store, batches) {
      const d = (store as MongoReadStore).db;
      for (const batch of batches) {
        for (const change of batch.changes) {
          const ops = [
            ...change.put.map((doc) => ({
              replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
            })),
            ...change.remove.map((id) => ({ deleteOne: { filter: { _id: id } } })),
          ];
          if (ops.length > 0)
            await d.collection<ProjectedDocument>(change.collection).bulkWrite(ops, { ordered: false });
        }
        await d
          .collection<{ _id: string; position: number }>('checkpoints')
          .updateOne({ _id: 'read-models' }, { $set: { position: batch.position } }, { upsert: true });
      }
    },
    rawGetById(store) {
      const c = (store as MongoReadStore).db.collection<ProjectedDocument>('procedures');
      return (id) => c.findOne({ _id: id });
    },
    serverRss: () => serverPids().reduce((n, pid) => n + rssOf(pid), 0),
    async close() {
      for (const d of dbs) await d.dropDatabase().catch(() => undefined);
    },
  };
}

/** A store that remembers each batch it is given, as the live projector writes it. */
export function recording(store: ReadStore, into: RecordedWrite[]): ReadStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'write')
        return async (changes: readonly CollectionChanges[], checkpoint?: { position: number }) => {
          into.push({ changes, position: checkpoint?.position ?? 0 });
          return target.write(changes, checkpoint as never);
        };
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function readRange(
  events: EventStore,
  after: number,
  count: number,
  batch: number,
): Promise<RecordedEvent[][]> {
  const batches: RecordedEvent[][] = [];
  let position = after;
  let left = count;
  while (left > 0) {
    const page = await events.readAll({ afterPosition: position, maxCount: Math.min(batch, left) });
    if (page.length === 0) break;
    batches.push(page);
    position = page[page.length - 1].position;
    left -= page.length;
  }
  return batches;
}

export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
