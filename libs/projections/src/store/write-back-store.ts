import type { CollectionSpec, ProjectedDocument } from '../projection';
import type {
  CollectionChanges,
  FindQuery,
  JsonDocument,
  ReadStore,
  StoredCheckpoint,
  Where,
} from './read-store';

interface Entry {
  collection: string;
  id: string;
  /** null: removed. */
  doc: ProjectedDocument | null;
  /** Changed since it was last written to the store. */
  dirty: boolean;
}

/** Documents kept by default: a page's documents many times over, and every roll-up of a 1,000-school district. */
export const WRITE_BACK_DOCUMENTS = 40_000;

/**
 * The documents a rebuild reads and writes, kept in memory and written to the store when they have not been
 * touched for a while (least recently used first) or at `flush`, instead of being written with every page and
 * read back (and parsed) by the next. A roll-up (a school year's KPIs, the district's) is touched by almost
 * every page: it is written once instead of once per page. Documents that never change (`insertOnly`: the
 * audit) go straight through.
 *
 * Only for a store that is thrown away unless the rebuild completes (`ReadStore.rebuild`'s fresh file): until
 * `flush`, the store holds neither the latest documents nor the checkpoint, which is held back and written last
 * with them. Memory stays bounded by `limit` documents whatever the log's size.
 */
export class WriteBackStore implements ReadStore {
  readonly kind: ReadStore['kind'];
  /** Least recently used first (a Map iterates in insertion order; a touched entry is inserted again). */
  private readonly entries = new Map<string, Entry>();
  private checkpointHeld: { name: string; position: number; version: number } | null = null;

  /** With `fresh`: every document this wrote to the store (and, rarely, others: see `Written`). */
  private readonly written: Written | null;

  /**
   * `fresh`: the store was empty and only this writes to it, so a document it never wrote is not there and is
   * not asked for (a rebuild's pages would otherwise wait for the store's answer about each new document).
   */
  constructor(
    readonly store: ReadStore,
    private readonly limit = WRITE_BACK_DOCUMENTS,
    options: { fresh?: boolean } = {},
  ) {
    this.kind = store.kind;
    this.written = options.fresh ? new Written() : null;
  }

  async getMany<T extends ProjectedDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
    const missing: string[] = [];
    const keys = ids.map((id) => key(collection, id));
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const k = keys[i];
      if (this.entries.has(k)) continue;
      if (this.written && !this.written.mayHold(k))
        this.entries.set(k, { collection, id, doc: null, dirty: false });
      else missing.push(id);
    }
    if (missing.length > 0) {
      const found = new Map((await this.store.getMany(collection, missing)).map((d) => [d._id, d]));
      // What the store does not hold is remembered as absent too: the next read of it asks nothing.
      for (const id of missing)
        this.entries.set(key(collection, id), { collection, id, doc: found.get(id) ?? null, dirty: false });
    }
    const out: T[] = [];
    for (const k of keys) {
      const entry = this.entries.get(k)!;
      this.entries.delete(k);
      this.entries.set(k, entry);
      if (entry.doc) out.push(entry.doc as T);
    }
    await this.evict();
    return out;
  }

  async get<T extends ProjectedDocument>(collection: string, id: string): Promise<T | null> {
    return ((await this.getMany<T>(collection, [id]))[0] ?? null) as T | null;
  }

  async write(
    changes: readonly CollectionChanges[],
    checkpoint?: { name: string; position: number; version: number },
  ): Promise<void> {
    const through: CollectionChanges[] = [];
    for (const change of changes) {
      if (change.insertOnly) {
        through.push(change);
        continue;
      }
      for (const doc of change.put) this.keep(change.collection, doc._id, doc);
      for (const id of change.remove) this.keep(change.collection, id, null);
    }
    if (checkpoint) this.checkpointHeld = checkpoint;
    await this.store.write([...through, ...this.evicted()]);
  }

  /** Writes every document changed since it was last written, then the checkpoint held back. */
  async flush(): Promise<void> {
    const changes = this.changesOf([...this.entries.values()].filter((e) => e.dirty));
    for (const entry of this.entries.values()) entry.dirty = false;
    await this.store.write(changes, this.checkpointHeld ?? undefined);
    this.checkpointHeld = null;
  }

  async checkpoint(name: string): Promise<StoredCheckpoint> {
    if (this.checkpointHeld?.name === name)
      return { position: this.checkpointHeld.position, version: this.checkpointHeld.version };
    return this.store.checkpoint(name);
  }

  async find<T extends ProjectedDocument>(collection: string, query: FindQuery): Promise<T[]> {
    await this.flush();
    return this.store.find<T>(collection, query);
  }

  async findJson(collection: string, query: FindQuery, fields: readonly string[]): Promise<JsonDocument[]> {
    await this.flush();
    return this.store.findJson(collection, query, fields);
  }

  async count(collection: string, where: Where): Promise<number> {
    await this.flush();
    return this.store.count(collection, where);
  }

  async prepare(projections: readonly CollectionSpec[]): Promise<void> {
    await this.store.prepare(projections);
  }

  async dropIndexes(projections: readonly CollectionSpec[]): Promise<void> {
    await this.store.dropIndexes(projections);
  }

  async drop(collections: readonly string[], checkpointName: string): Promise<void> {
    this.entries.clear();
    this.checkpointHeld = null;
    await this.store.drop(collections, checkpointName);
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  private keep(collection: string, id: string, doc: ProjectedDocument | null): void {
    const k = key(collection, id);
    this.entries.delete(k);
    this.entries.set(k, { collection, id, doc, dirty: true });
  }

  /** Takes the least recently used entries out down to the limit: the changes that write the dirty ones. */
  private evicted(): CollectionChanges[] {
    const out: Entry[] = [];
    for (const [k, entry] of this.entries) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(k);
      if (entry.dirty) out.push(entry);
    }
    return this.changesOf(out);
  }

  private async evict(): Promise<void> {
    if (this.entries.size <= this.limit) return;
    const changes = this.evicted();
    if (changes.length > 0) await this.store.write(changes);
  }

  /** Entries as the store's changes, a collection's together (in the order they were first met). */
  private changesOf(entries: readonly Entry[]): CollectionChanges[] {
    const byCollection = new Map<string, { put: ProjectedDocument[]; remove: string[] }>();
    for (const entry of entries) {
      let change = byCollection.get(entry.collection);
      if (!change) byCollection.set(entry.collection, (change = { put: [], remove: [] }));
      if (entry.doc) {
        change.put.push(entry.doc);
        this.written?.add(key(entry.collection, entry.id));
      } else change.remove.push(entry.id);
    }
    return [...byCollection].map(([collection, { put, remove }]) => ({ collection, put, remove }));
  }
}

function key(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

/**
 * The keys written to the store, as a Bloom filter: never "no" for a key added, "yes" for one not added about
 * once in 60,000 at 2.2 million keys (a 1,000-school rebuild's documents), in 8 MB whatever the count.
 */
class Written {
  private static readonly BITS = 1 << 26;
  private static readonly HASHES = 7;
  private readonly bits = new Uint32Array(Written.BITS / 32);

  add(key: string): void {
    const [a, b] = hashes(key);
    for (let i = 0; i < Written.HASHES; i++) {
      const bit = (a + i * b) & (Written.BITS - 1);
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  mayHold(key: string): boolean {
    const [a, b] = hashes(key);
    for (let i = 0; i < Written.HASHES; i++) {
      const bit = (a + i * b) & (Written.BITS - 1);
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit hashes of a string (FNV-1a, and a multiplicative one), the second odd. */
function hashes(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
