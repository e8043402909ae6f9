import Database from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '@vsoko/event-store';
import {
  ALL_COLLECTIONS,
  MongoReadStore,
  SqliteReadStore,
  type CollectionChanges,
  type ProjectedDocument,
  type ReadStore,
} from '@vsoko/projections';
import type { Db, MongoClient } from 'mongodb';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
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
  rawWrite(store: ReadStore, batches: readonly RecordedWrite[]): Promise<void>;
  rawGetById(store: ReadStore): (id: string) => unknown;
  /** Resident memory of the candidate's server processes, bytes (0: it lives in this process). */
  serverRss(): number;
  close(): Promise<void>;
}

export function sqliteCandidate(dir: string): Candidate {
  const path = (label: string) => join(dir, `${label}.sqlite`);
  const raw = new Map<ReadStore, Database.Database>();
  const rawOf = (store: ReadStore) => {
    const db = raw.get(store) ?? new Database((store as SqliteReadStore).path);
    raw.set(store, db);
    return db;
  };
  return {
    name: 'sqlite',
    async open(label) {
      rmSync(path(label), { force: true });
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
      rmSync(path(label), { force: true });
      const store = new SqliteReadStore(path(label));
      await store.prepare(ALL_COLLECTIONS);
      await store.close();
    },
    async rawInsert(label, collection, list) {
      const db = new Database(path(label));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const insert = db.prepare(`INSERT INTO "rm_${collection}" (_id, doc) VALUES (?, ?)`);
      for (let i = 0; i < list.length; i += 1_000)
        db.transaction(() => {
          for (const doc of list.slice(i, i + 1_000)) insert.run(doc._id, JSON.stringify(doc));
        })();
      db.close();
    },
    async rawWrite(store, batches) {
      const db = rawOf(store);
      const statements = new Map<string, { put: Database.Statement; remove: Database.Statement }>();
      const of = (c: string) => {
        let s = statements.get(c);
        if (!s) {
          s = {
            put: db.prepare(`INSERT OR REPLACE INTO "rm_${c}" (_id, doc) VALUES (?, ?)`),
            remove: db.prepare(`DELETE FROM "rm_${c}" WHERE _id = ?`),
          };
          statements.set(c, s);
        }
        return s;
      };
      const checkpoint = db.prepare(`UPDATE checkpoints SET position = ? WHERE name = 'read-models'`);
      for (const batch of batches)
        db.transaction(() => {
          for (const change of batch.changes) {
            const s = of(change.collection);
            for (const doc of change.put) s.put.run(doc._id, JSON.stringify(doc));
            for (const id of change.remove) s.remove.run(id);
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
