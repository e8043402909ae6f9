import Database from 'better-sqlite3';
import type { CollectionSpec, ProjectedDocument } from '../projection';
import type {
  CollectionChanges,
  Condition,
  FindQuery,
  JsonDocument,
  ReadStore,
  Scalar,
  StoredCheckpoint,
  Where,
} from './read-store';
import { keysetAlternatives, valueAt, type RebuildTarget } from './read-store';
import {
  fileIdentity,
  rebuildingPath,
  recoverStoreFiles,
  removeStoreFiles,
  swapIn,
  syncFile,
} from './sqlite-files';

const NAME = /^[a-z][a-z0-9_]*$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const CHECKPOINTS = 'checkpoints';
/**
 * A key column's value for a missing or null field. A primary key column of a WITHOUT ROWID table may not be
 * NULL; -Infinity sorts before every number and text as NULL does, and no JSON document can hold it.
 */
const NULL_KEY = '-1e999';
/**
 * The page size of a new file. A WITHOUT ROWID table keeps at most ~1/4 of a page of a row on its leaf and the
 * rest on an overflow page of its own, allocated wherever the row was last written: with 4 KiB pages a 2 KB
 * procedure would spill, and a school's page would again be ~50 scattered reads. 16 KiB pages hold rows up to
 * ~4 KB whole, ~6 procedures a page.
 */
const PAGE_SIZE = 16_384;

/** How a collection is stored: its list fields, and the fields its table is keyed by (none: by `_id` alone). */
interface Layout {
  arrays: ReadonlySet<string>;
  /** The clustering index's fields in order, `_id` left out, with their directions; empty when not clustered. */
  keys: readonly (readonly [string, 1 | -1])[];
}

/** How often a reader looks whether a rebuild was swapped in under its path (a writer looks before every batch). */
const FOLLOW_MS = 100;
/** The page cache of a rebuild (KiB, negative as SQLite takes it): the id indexes and the hot leaves stay in memory. */
const REBUILD_CACHE_KIB = 524_288;

export interface SqliteReadStoreOptions {
  /** A reader only (a tool looking at a store another process writes): no journal change, no table created. */
  readonly?: boolean;
  /**
   * The fresh file of a rebuild (`SqliteReadStore.rebuild`): journal in memory, no sync, one connection holding it.
   * A crash leaves garbage under a name nothing else opens; `commit` makes it durable and swaps it in.
   */
  rebuilding?: boolean;
}

/**
 * Read models in one SQLite file: a table per collection (`_id`, the document as JSON), an expression index
 * (`json_extract`) for every index a projection declares, and for list fields (`arrayFields`) a side table of
 * (field, value, id) that plays MongoDB's multikey index. A collection that names a `cluster` index is a WITHOUT
 * ROWID table keyed by that index's fields (plain columns the store fills from the document) and `_id`, with a
 * unique index on `_id`: the documents one query reads together (a school's plan page) are adjacent rows of a
 * few pages, read in order, instead of rows scattered over the file in the order they were first written.
 * The projector's process writes, the API's process reads the same file: WAL lets readers go on while a batch
 * commits. `synchronous=NORMAL`: the read models are rebuilt from the log, so a power cut may cost the last
 * batches, which are replayed, never the log.
 *
 * A rebuild is written into a fresh file beside this one and swapped in whole when it is complete
 * (`sqlite-files.ts`); every store on the path notices and reopens — a writer before its next batch, a reader
 * within FOLLOW_MS — so no reader ever sees a store half-built.
 */
export class SqliteReadStore implements ReadStore {
  readonly kind = 'sqlite';
  private db: Database.Database;
  private identity: string | null = null;
  private nextLook = 0;
  private readonly arrays = new Map<string, ReadonlySet<string>>();
  /** Each table's key fields as the file holds it, known by the text of its CREATE statement. */
  private readonly stored = new Map<string, { sql: string; keys: readonly string[] }>();
  private readonly statements = new Map<string, Database.Statement>();

  /** `projections`: the read models this process will query (their list fields), before any `prepare`. */
  constructor(
    readonly path: string,
    projections: readonly CollectionSpec[] = [],
    private readonly options: SqliteReadStoreOptions = {},
  ) {
    for (const p of projections) this.arrays.set(p.collection, new Set(p.arrayFields ?? []));
    this.db = this.open();
  }

  private open(): Database.Database {
    const db = new Database(this.path, { readonly: this.options.readonly ?? false });
    this.identity = this.options.rebuilding ? null : fileIdentity(this.path);
    this.statements.clear();
    // A new file only (an existing one keeps its own; a rebuild's fresh file takes it): see PAGE_SIZE.
    if (!this.options.readonly) db.pragma(`page_size = ${PAGE_SIZE}`);
    if (this.options.rebuilding) {
      // The rollback journal in memory: nothing of it reaches the disk, and a failed statement still rolls back
      // (`OFF` would not; better-sqlite3's defensive mode refuses it anyway and would leave the journal on disk).
      if (db.pragma('journal_mode = MEMORY', { simple: true }) !== 'memory')
        throw new Error(`read store: ${this.path} cannot be written without a journal file`);
      db.pragma('synchronous = OFF');
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('temp_store = MEMORY');
      db.pragma(`cache_size = -${REBUILD_CACHE_KIB}`);
    } else {
      db.pragma('busy_timeout = 10000');
      db.pragma('cache_size = -65536');
      if (this.options.readonly) return db;
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${CHECKPOINTS} (name TEXT PRIMARY KEY, position INTEGER NOT NULL, version INTEGER, updatedAt TEXT NOT NULL)`,
    );
    return db;
  }

  /**
   * The file the path names now: after a rebuild was swapped in, the new one. Readers look every FOLLOW_MS
   * (a `stat` costs more than a lookup by `_id`); `now` looks at once.
   */
  private follow(now = false): void {
    if (this.options.rebuilding) return;
    const time = Date.now();
    if (!now && time < this.nextLook) return;
    this.nextLook = time + FOLLOW_MS;
    const identity = fileIdentity(this.path);
    if (identity === null || identity === this.identity) return;
    this.db.close();
    this.db = this.open();
  }

  /**
   * At start, before anything reads or writes: settles what a crash left of a rebuild (`recoverStoreFiles`) and
   * answers whether one was left unfinished, so that the caller rebuilds again.
   */
  async recover(): Promise<{ unfinishedRebuild: boolean }> {
    const result = recoverStoreFiles(this.path);
    this.follow(true);
    return result;
  }

  /**
   * A rebuild into a fresh file beside this store (`<path>.rebuilding`), written without a journal file or syncs.
   * `commit` (after the last page and the indexes) makes it a durable WAL file with one fsync and swaps it in
   * whole; this store reopens on it. `discard` deletes it. Until `commit`, readers see the store as it was.
   */
  async rebuild(): Promise<RebuildTarget> {
    const file = rebuildingPath(this.path);
    removeStoreFiles(file);
    const store = new SqliteReadStore(file, [], { rebuilding: true });
    let open = true;
    return {
      store,
      commit: async () => {
        await store.close();
        open = false;
        // The durable settings come back: WAL (kept in the file's header), then one fsync of the whole file.
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.close();
        syncFile(file);
        swapIn(this.path, file);
        this.follow(true);
      },
      discard: async () => {
        if (open) await store.close();
        open = false;
        removeStoreFiles(file);
      },
    };
  }

  /**
   * Creates what is missing. A table of another layout (keyed otherwise than the collection now asks) is
   * dropped and created empty: its documents could not be read. The checkpoint's layout version
   * (READ_MODELS_VERSION) changes with it, so the projector's start then rebuilds every read model from the log.
   */
  async prepare(projections: readonly CollectionSpec[]): Promise<void> {
    this.follow(true);
    this.db.transaction(() => {
      for (const p of projections) {
        const table = tableName(p.collection);
        const layout = layoutOf(p);
        this.arrays.set(p.collection, layout.arrays);
        const columns = this.columnsOf(table);
        if (columns.length > 0 && columns.join(',') !== tableColumns(layout).join(',')) {
          this.db.exec(`DROP TABLE "${table}"`);
          this.db.exec(`DROP TABLE IF EXISTS "${table}__members"`);
        }
        if (layout.keys.length === 0)
          this.db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
        else {
          const keys = layout.keys.map(([f, d]) => `${keyColumn(f)}${d === -1 ? ' DESC' : ''}`);
          this.db.exec(
            `CREATE TABLE IF NOT EXISTS "${table}" (${layout.keys.map(([f]) => keyColumn(f)).join(', ')}, ` +
              `_id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (${keys.join(', ')}, _id)) WITHOUT ROWID`,
          );
          // Reads and writes by id; kept through a rebuild, which reads every document it folds by id.
          this.db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS "${table}___id" ON "${table}" (_id)`);
        }
        if (layout.arrays.size > 0) {
          this.db.exec(
            `CREATE TABLE IF NOT EXISTS "${table}__members" (field TEXT NOT NULL, value, id TEXT NOT NULL, PRIMARY KEY (field, value, id)) WITHOUT ROWID`,
          );
          this.db.exec(`CREATE INDEX IF NOT EXISTS "${table}__members_id" ON "${table}__members" (id)`);
        }
        for (const { name, columns } of secondaryIndexes(p, layout))
          this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" (${columns})`);
      }
    })();
    this.statements.clear();
  }

  /**
   * Drops the secondary indexes (expression indexes and the list fields' index by id) before a rebuild into
   * an empty store: SQLite builds an index over a full table by sorting it once, where a row-by-row rebuild
   * writes a random leaf of every index per document. `prepare` builds them again.
   */
  async dropIndexes(projections: readonly CollectionSpec[]): Promise<void> {
    this.follow(true);
    this.db.transaction(() => {
      for (const p of projections) {
        const table = tableName(p.collection);
        const layout = layoutOf(p);
        for (const { name } of secondaryIndexes(p, layout)) this.db.exec(`DROP INDEX IF EXISTS "${name}"`);
        if (layout.arrays.size > 0) this.db.exec(`DROP INDEX IF EXISTS "${table}__members_id"`);
      }
    })();
    this.statements.clear();
  }

  async get<T extends ProjectedDocument>(collection: string, id: string): Promise<T | null> {
    this.follow();
    if (!this.exists(collection)) return null;
    const row = this.statement(`SELECT doc FROM "${tableName(collection)}" WHERE _id = ?`).get(id) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async getMany<T extends ProjectedDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
    this.follow();
    if (ids.length === 0 || !this.exists(collection)) return [];
    const rows = this.statement(
      `SELECT doc FROM "${tableName(collection)}" WHERE _id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  async find<T extends ProjectedDocument>(collection: string, query: FindQuery): Promise<T[]> {
    this.follow();
    if (!this.exists(collection)) return [];
    const { sql, params } = this.select(collection, query, null);
    const rows = this.statement(sql).all(...params) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  /**
   * The stored text as it is, as bytes: SQLite's UTF-8 never becomes a JavaScript string (for Cyrillic text that
   * decoding, and the encoding back for the response, cost more than reading the rows). The fields' values are
   * the expressions the filters and cursors compare, which SQLite takes from the index it reads the page by
   * (an indexed `json_extract` is not evaluated again) or from the key columns.
   */
  async findJson(collection: string, query: FindQuery, fields: readonly string[]): Promise<JsonDocument[]> {
    this.follow();
    if (!this.exists(collection)) return [];
    const { sql, params } = this.select(collection, query, fields);
    const rows = this.statement(sql)
      .raw(true)
      .all(...params) as [Buffer, ...(Scalar | number)[]][];
    return rows.map(([json, ...values]) => ({
      json,
      // A key column holds -Infinity (NULL_KEY) for a missing or null field.
      values: values.map((v) => (v === -Infinity ? null : v)),
    }));
  }

  /**
   * The statement of `find`: the document (less the excluded fields) and, after it, each named field's value as
   * the filters compare it; given fields (`findJson`), the document as bytes.
   */
  private select(
    collection: string,
    query: FindQuery,
    fields: readonly string[] | null,
  ): { sql: string; params: unknown[] } {
    const { sql: filter, params } = this.whereClause(collection, query.where);
    let sql = filter;
    if (query.after) {
      const keyset = this.keysetClause(collection, query.sort ?? {}, query.after);
      sql = `${filter ? `${filter} AND` : ' WHERE'} ${keyset.sql}`;
      params.push(...keyset.params);
    }
    const order = Object.entries(query.sort ?? {})
      .map(([field, dir]) => `${this.expression(collection, field)} ${dir === -1 ? 'DESC' : 'ASC'}`)
      .join(', ');
    // Excluded fields are dropped by SQLite before the text reaches JSON.parse (the large lists are the point).
    const exclude = (query.exclude ?? []).map((f) => `'$.${field(f)}'`);
    const text = exclude.length > 0 ? `json_remove(doc, ${exclude.join(', ')})` : 'doc';
    const doc = fields ? `CAST(${text} AS BLOB)` : text;
    const values = (fields ?? []).map((f, i) => `, ${this.expression(collection, f)} AS v${i}`).join('');
    params.push(query.limit ?? -1, query.skip ?? 0);
    return {
      sql:
        `SELECT ${doc} AS doc${values} FROM "${tableName(collection)}"${sql}` +
        (order ? ` ORDER BY ${order}` : '') +
        ` LIMIT ? OFFSET ?`,
      params,
    };
  }

  async count(collection: string, where: Where): Promise<number> {
    this.follow();
    if (!this.exists(collection)) return 0;
    const { sql, params } = this.whereClause(collection, where);
    const row = this.statement(`SELECT count(*) AS n FROM "${tableName(collection)}"${sql}`).get(
      ...params,
    ) as {
      n: number;
    };
    return row.n;
  }

  async write(
    changes: readonly CollectionChanges[],
    checkpoint?: { name: string; position: number; version: number },
  ): Promise<void> {
    this.follow(true);
    this.db.transaction(() => {
      for (const change of changes) {
        const table = tableName(change.collection);
        this.exists(change.collection);
        const keys = this.keysOf(change.collection);
        const arrays = this.arrays.get(change.collection) ?? new Set<string>();
        const columns = [...keys.map(keyColumn), '_id', 'doc'];
        const values = columns.map(() => '?').join(', ');
        // A clustered row moves when its key fields change: REPLACE takes out the row the unique `_id` finds.
        const put = this.statement(
          change.insertOnly
            ? `INSERT OR IGNORE INTO "${table}" (${columns.join(', ')}) VALUES (${values})`
            : keys.length > 0
              ? `INSERT OR REPLACE INTO "${table}" (${columns.join(', ')}) VALUES (${values})`
              : `INSERT INTO "${table}" (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`,
        );
        const remove = this.statement(`DELETE FROM "${table}" WHERE _id = ?`);
        const clearMembers =
          arrays.size > 0 ? this.statement(`DELETE FROM "${table}__members" WHERE id = ?`) : null;
        const addMember =
          arrays.size > 0
            ? this.statement(`INSERT OR IGNORE INTO "${table}__members" (field, value, id) VALUES (?, ?, ?)`)
            : null;
        for (const doc of change.put) {
          const written =
            put.run(...keys.map((f) => keyValue(doc, f)), doc._id, JSON.stringify(doc)).changes > 0;
          if (!written || !clearMembers || !addMember) continue;
          if (!change.insertOnly) clearMembers.run(doc._id);
          for (const field of arrays) {
            const values = (doc as unknown as Record<string, unknown>)[field];
            if (Array.isArray(values))
              for (const v of values) addMember.run(field, bindable(v as Scalar), doc._id);
          }
        }
        for (const id of change.remove) {
          remove.run(id);
          clearMembers?.run(id);
        }
      }
      if (checkpoint)
        this.statement(
          `INSERT INTO ${CHECKPOINTS} (name, position, version, updatedAt) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position, version = excluded.version, updatedAt = excluded.updatedAt`,
        ).run(checkpoint.name, checkpoint.position, checkpoint.version, new Date().toISOString());
    })();
  }

  async checkpoint(name: string): Promise<StoredCheckpoint> {
    this.follow();
    const row = this.statement(`SELECT position, version FROM ${CHECKPOINTS} WHERE name = ?`).get(name) as
      StoredCheckpoint | undefined;
    return row ?? { position: 0, version: null };
  }

  async drop(collections: readonly string[], checkpointName: string): Promise<void> {
    this.follow(true);
    this.db.transaction(() => {
      for (const c of new Set(collections)) {
        this.db.exec(`DROP TABLE IF EXISTS "${tableName(c)}"`);
        this.db.exec(`DROP TABLE IF EXISTS "${tableName(c)}__members"`);
      }
      this.db.prepare(`DELETE FROM ${CHECKPOINTS} WHERE name = ?`).run(checkpointName);
    })();
    this.statements.clear();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** The file's size on disk, pages × page size (for the benchmark). */
  bytes(): number {
    this.follow();
    return (
      (this.db.pragma('page_count', { simple: true }) as number) *
      (this.db.pragma('page_size', { simple: true }) as number)
    );
  }

  /**
   * The collection's table is there; its key fields are read from the file (so a process reads a table in the
   * layout it finds, a reader beside a projector that has not yet rebuilt an older file included).
   */
  private exists(collection: string): boolean {
    const table = tableName(collection);
    const row = this.statement(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(
      table,
    ) as { sql: string } | undefined;
    if (!row) return false;
    if (this.stored.get(collection)?.sql !== row.sql) {
      const keys = this.columnsOf(table)
        .filter((c) => c.startsWith('key:'))
        .map((c) => c.slice('key:'.length));
      this.stored.set(collection, { sql: row.sql, keys });
    }
    return true;
  }

  private columnsOf(table: string): string[] {
    return (this.db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
  }

  /** The key fields of the collection's table, as `exists` last found it. */
  private keysOf(collection: string): readonly string[] {
    return this.stored.get(collection)?.keys ?? [];
  }

  /** The SQL expression of a field: its key column, or `json_extract` (the same text as its index's). */
  private expression(collection: string, name: string): string {
    if (name === '_id') return '_id';
    return this.isKey(collection, name) ? keyColumn(name) : `json_extract(doc, '$.${field(name)}')`;
  }

  private isKey(collection: string, name: string): boolean {
    return this.keysOf(collection).includes(name);
  }

  /** The field is missing or null. */
  private isNull(collection: string, name: string): string {
    const expr = this.expression(collection, name);
    return this.isKey(collection, name) ? `${expr} = ${NULL_KEY}` : `${expr} IS NULL`;
  }

  private whereClause(collection: string, where: Where): { sql: string; params: unknown[] } {
    const arrays = this.arrays.get(collection) ?? new Set<string>();
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const [field, condition] of Object.entries(where)) {
      if (condition === undefined) continue;
      if (arrays.has(field)) {
        const members = `_id IN (SELECT id FROM "${tableName(collection)}__members" WHERE field = ? AND value`;
        if (isIn(condition)) {
          parts.push(`${members} IN (SELECT value FROM json_each(?)))`);
          params.push(field, JSON.stringify(condition.$in.map(bindable)));
        } else if (isScalar(condition)) {
          parts.push(`${members} = ?)`);
          params.push(field, bindable(condition));
        } else throw new Error(`read store: a range on the list field ${field}`);
        continue;
      }
      const expr = this.expression(collection, field);
      if (isScalar(condition)) {
        if (condition === null) parts.push(this.isNull(collection, field));
        else {
          parts.push(`${expr} = ?`);
          params.push(bindable(condition));
        }
      } else if (isIn(condition)) {
        const values = condition.$in.filter((v) => v !== null);
        const inList = `${expr} IN (${values.map(() => '?').join(', ')})`;
        parts.push(
          condition.$in.includes(null) ? `(${inList} OR ${this.isNull(collection, field)})` : inList,
        );
        params.push(...values.map(bindable));
      } else {
        for (const [op, sqlOp] of [
          ['$gte', '>='],
          ['$lte', '<='],
          ['$gt', '>'],
          ['$lt', '<'],
        ] as const) {
          const value = condition[op];
          if (value === undefined) continue;
          parts.push(`${expr} ${sqlOp} ?`);
          params.push(bindable(value));
          // A key column holds -Infinity for null, which "below" would take in; NULL compares as nothing.
          if ((op === '$lt' || op === '$lte') && this.isKey(collection, field))
            parts.push(`${expr} > ${NULL_KEY}`);
        }
      }
    }
    return { sql: parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '', params };
  }

  private keysetClause(
    collection: string,
    sort: Record<string, 1 | -1>,
    after: readonly Scalar[],
  ): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const expression = (f: string) => this.expression(collection, f);
    const alternatives = keysetAlternatives(sort, after).map(({ equal, beyond }) => {
      const parts = equal.map(([f, v]) => {
        if (v === null) return this.isNull(collection, f);
        params.push(bindable(v));
        return `${expression(f)} = ?`;
      });
      const expr = expression(beyond.field);
      const key = this.isKey(collection, beyond.field);
      if (beyond.value === null) parts.push(key ? `${expr} > ${NULL_KEY}` : `${expr} IS NOT NULL`);
      else {
        params.push(bindable(beyond.value));
        // Descending, null comes last: a key column's -Infinity is below any value already.
        parts.push(
          beyond.direction === 1 ? `${expr} > ?` : key ? `${expr} < ?` : `(${expr} < ? OR ${expr} IS NULL)`,
        );
      }
      return `(${parts.join(' AND ')})`;
    });
    if (alternatives.length === 0) return { sql: '0', params };
    // The alternatives hide the first field's range from the planner: say it once more, so that the index on
    // (filter…, first sort field) is searched from the cursor on instead of read from the filter's start.
    const [first, direction] = Object.entries(sort)[0];
    const lead = after[0];
    if (direction === 1 && lead !== null)
      return {
        sql: `${this.expression(collection, first)} >= ? AND (${alternatives.join(' OR ')})`,
        params: [bindable(lead), ...params],
      };
    return { sql: `(${alternatives.join(' OR ')})`, params };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * The expression indexes of a collection. Each ends with `_id` (unless it names it already): every sort ends
 * with `_id`, and an index in the sort's full order lets SQLite read a page in order and stop at its limit
 * (a keyset page included) instead of sorting the filter's whole range first. On a clustered table the fields
 * of its key are its key columns wherever an index names them; the clustering index itself is kept too, over
 * the key columns alone: a count of a school's plan reads its narrow entries instead of the documents.
 */
function secondaryIndexes(p: CollectionSpec, layout: Layout): { name: string; columns: string }[] {
  const table = tableName(p.collection);
  const keys = new Set(layout.keys.map(([f]) => f));
  const out: { name: string; columns: string }[] = [];
  for (const index of p.indexes) {
    const fields = Object.keys(index.key).filter((f) => !layout.arrays.has(f));
    if (fields.length === 0 || layout.arrays.has(Object.keys(index.key)[0])) continue;
    const name = `${table}__${index.name ?? fields.join('_')}`.replace(/[^\w]/g, '_');
    const expr = (f: string) =>
      f === '_id' ? '_id' : keys.has(f) ? keyColumn(f) : `json_extract(doc, '$.${field(f)}')`;
    const columns = [...fields.map(expr), ...(fields.includes('_id') ? [] : ['_id'])].join(', ');
    out.push({ name, columns });
  }
  return out;
}

/** The layout a collection's spec asks for. */
function layoutOf(p: CollectionSpec): Layout {
  const arrays = new Set(p.arrayFields ?? []);
  if (p.cluster === undefined) return { arrays, keys: [] };
  const index = p.indexes.find((i) => i.name === p.cluster);
  if (!index)
    throw new Error(`read store: ${p.collection} is clustered by ${p.cluster}, which it does not declare`);
  const keys = Object.entries(index.key as Record<string, 1 | -1>).filter(([f]) => f !== '_id');
  if (keys.some(([f, d]) => arrays.has(f) || (d !== 1 && d !== -1)))
    throw new Error(`read store: ${p.collection} cannot be clustered by ${p.cluster}`);
  for (const [f] of keys) field(f);
  return { arrays, keys };
}

/**
 * The key columns a collection's row holds before `_id` and `doc`, and their values for a document: what a
 * raw writer of the same rows needs (the district bench's baseline).
 */
export function keyColumnsOf(spec: CollectionSpec): {
  columns: readonly string[];
  values(doc: ProjectedDocument): (string | number)[];
} {
  const keys = layoutOf(spec).keys.map(([f]) => f);
  return { columns: keys.map(keyColumn), values: (doc) => keys.map((f) => keyValue(doc, f)) };
}

/** The columns of a collection's table, in order, as `PRAGMA table_info` lists them. */
function tableColumns(layout: Layout): string[] {
  return [...layout.keys.map(([f]) => `key:${f}`), '_id', 'doc'];
}

/** A key column, named after its field (so a change of the clustering index is a change of the columns). */
function keyColumn(name: string): string {
  return `"key:${field(name)}"`;
}

/** A key column's value, as `json_extract` would answer for the field (null: the NULL_KEY sentinel). */
function keyValue(doc: ProjectedDocument, name: string): string | number {
  const value = valueAt(doc, name) as unknown;
  if (value === null || value === undefined) return -Infinity;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number;
}

function tableName(collection: string): string {
  if (!NAME.test(collection)) throw new Error(`read store: bad collection name ${collection}`);
  return `rm_${collection}`;
}

function field(name: string): string {
  if (!FIELD.test(name)) throw new Error(`read store: bad field ${name}`);
  return name;
}

/** JSON true/false come out of json_extract as 1/0. */
function bindable(value: Scalar): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function isScalar(c: Condition): c is Scalar {
  return c === null || typeof c !== 'object';
}

function isIn(c: Condition): c is { $in: readonly Scalar[] } {
  return c !== null && typeof c === 'object' && '$in' in c;
}
