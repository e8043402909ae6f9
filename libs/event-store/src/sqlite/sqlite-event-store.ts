import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { EventMetadata } from '@vsoko/domain';
import { chainHash, withChain } from '../chain';
import { canonicalJson } from '../canonical-json';
import { DuplicateEventId, InvalidAppend, WrongExpectedRevision } from '../errors';
import type {
  AppendResult,
  BatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeOptions,
  Subscription,
} from '../port';
import { pollingSubscription } from '../subscription/polling-subscription';
import {
  prepareBatch,
  validateExpectedRevision,
  validateStreamName,
  type PreparedEvent,
} from '../validation';
import { openSchema, type Durability } from './schema';

export interface SqliteEventStoreOptions {
  /** File of the log; its directory is created. ':memory:' works for a single connection. */
  path: string;
  durability?: Durability;
  /** How long a writer waits for another process's write lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** How often a caught-up subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
}

interface EventRow {
  position: number;
  stream_name: string;
  revision: number;
  id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
}

interface Tail {
  revision: number;
  hash: string | null;
}

/** Appends made through any store on the same file in this process wake each other's subscriptions at once. */
const appendSignals = new Map<string, EventEmitter>();

function signalFor(path: string): EventEmitter {
  let signal = appendSignals.get(path);
  if (!signal) {
    signal = new EventEmitter();
    signal.setMaxListeners(0);
    appendSignals.set(path, signal);
  }
  return signal;
}

/**
 * The embedded event store: one SQLite file in WAL mode. One process writes (the Temporal worker), any
 * number read (projector, API); each append batch is one BEGIN IMMEDIATE transaction, so concurrent writers
 * serialise on SQLite's write lock and wait up to busyTimeoutMs for it.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly signal: EventEmitter;
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number;
  private readonly statements;
  private readonly appendTransaction;

  constructor(options: SqliteEventStoreOptions) {
    const path = options.path === ':memory:' ? ':memory:' : resolve(options.path);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    openSchema(this.db, options.durability ?? 'full', options.busyTimeoutMs ?? 5000);
    this.signal = signalFor(path);
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    const db = this.db;
    this.statements = {
      tail: db.prepare<[string], Tail>(
        `SELECT revision, json_extract(metadata, '$."$chain".hash') AS hash
           FROM events WHERE stream_name = ? ORDER BY revision DESC LIMIT 1`,
      ),
      findId: db.prepare<[string, string], { revision: number }>(
        'SELECT revision FROM events WHERE stream_name = ? AND id = ?',
      ),
      idsFrom: db.prepare<[string, number, number], { id: string; position: number }>(
        'SELECT id, position FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      head: db.prepare<[], { head: number }>('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
      insert: db.prepare(
        `INSERT INTO events (position, stream_name, revision, id, type, schema_version, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      forwards: db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      backwards: db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      all: db.prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      getMetadata: db.prepare<[string], { metadata: string }>(
        'SELECT metadata FROM stream_metadata WHERE stream_name = ?',
      ),
      setMetadata: db.prepare(
        `INSERT INTO stream_metadata (stream_name, metadata) VALUES (?, ?)
         ON CONFLICT (stream_name) DO UPDATE SET metadata = excluded.metadata`,
      ),
    };
    this.appendTransaction = db.transaction(
      (streamName: string, batch: PreparedEvent[], expected: ExpectedRevision): AppendResult =>
        this.appendInTransaction(streamName, batch, expected),
    );
  }

  async append(
    streamName: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const batch = prepareBatch(streamName, events);
    validateExpectedRevision(expectedRevision);
    const result = this.appendTransaction.immediate(streamName, batch, expectedRevision);
    this.signal.emit('append');
    return result;
  }

  /**
   * Several streams' appends in one transaction, all or none, each checked as `append` checks it (for imports
   * and benchmarks that write many streams at once: one commit instead of one per stream). Answers each result.
   */
  async appendStreams(
    appends: readonly { streamName: string; events: EventToAppend[]; expectedRevision: ExpectedRevision }[],
  ): Promise<AppendResult[]> {
    const batches = appends.map((a) => {
      validateExpectedRevision(a.expectedRevision);
      return { ...a, batch: prepareBatch(a.streamName, a.events) };
    });
    const results = this.db
      .transaction(() =>
        batches.map((a) => this.appendInTransaction(a.streamName, a.batch, a.expectedRevision)),
      )
      .immediate();
    this.signal.emit('append');
    return results;
  }

  private appendInTransaction(
    streamName: string,
    batch: PreparedEvent[],
    expected: ExpectedRevision,
  ): AppendResult {
    const tail = this.statements.tail.get(streamName);
    const current = tail ? tail.revision : -1;
    const earlier = this.statements.findId.get(streamName, batch[0].id);
    if (earlier) return this.alreadyAppended(streamName, batch, expected, current, earlier.revision);
    if (!satisfies(expected, current)) throw new WrongExpectedRevision(streamName, expected, current);

    const head = this.statements.head.get()!.head;
    const recordedAt = new Date().toISOString();
    let prev = tail ? tail.hash : null;
    for (let i = 0; i < batch.length; i++) {
      const event = batch[i];
      const revision = current + 1 + i;
      const hash = chainHash({ ...event, streamName, revision, prev });
      try {
        this.statements.insert.run(
          head + 1 + i,
          streamName,
          revision,
          event.id,
          event.type,
          event.schemaVersion,
          event.dataJson,
          withChain(event.metadataJson, { prev, hash }),
          recordedAt,
        );
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new DuplicateEventId(streamName, event.id);
        }
        throw error;
      }
      prev = hash;
    }
    return { nextExpectedRevision: current + batch.length, position: head + batch.length };
  }

  /**
   * Idempotency, as KurrentDB does it: the batch's first id is already in the stream. If the whole batch sits
   * there in order, at the place this append would have put it, it is a retry: answer as the first time did.
   */
  private alreadyAppended(
    streamName: string,
    batch: PreparedEvent[],
    expected: ExpectedRevision,
    current: number,
    firstRevision: number,
  ): AppendResult {
    const placeMatches =
      expected === 'any' || expected === 'stream_exists'
        ? true
        : firstRevision === (expected === 'no_stream' ? 0 : expected + 1);
    const stored = this.statements.idsFrom.all(streamName, firstRevision, batch.length);
    const sameBatch = stored.length === batch.length && stored.every((row, i) => row.id === batch[i].id);
    if (placeMatches && sameBatch) {
      return {
        nextExpectedRevision: firstRevision + batch.length - 1,
        position: stored[stored.length - 1].position,
      };
    }
    if (!satisfies(expected, current)) throw new WrongExpectedRevision(streamName, expected, current);
    throw new DuplicateEventId(streamName, batch[0].id);
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validateStreamName(streamName);
    const limit = options.maxCount ?? -1;
    const rows =
      options.direction === 'backwards'
        ? this.statements.backwards.all(streamName, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.forwards.all(streamName, options.fromRevision ?? 0, limit);
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.all.all(options.afterPosition ?? 0, options.maxCount ?? -1).map(toRecorded);
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = pollingSubscription(
      {
        read: (afterPosition, maxCount) => this.readAll({ afterPosition, maxCount }),
        onAppend: (listener) => {
          this.signal.on('append', listener);
          return () => this.signal.off('append', listener);
        },
        pollIntervalMs: this.pollIntervalMs,
      },
      handler,
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get()!.head;
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadata | null> {
    validateStreamName(streamName);
    const row = this.statements.getMetadata.get(streamName);
    return row ? (JSON.parse(row.metadata) as StreamMetadata) : null;
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void> {
    validateStreamName(streamName);
    let json: string;
    try {
      json = canonicalJson(metadata, 'metadata');
    } catch (error) {
      throw new InvalidAppend(
        'NOT_JSON',
        `Метаданные потока «${streamName}» нельзя сохранить: ${String(error)}.`,
      );
    }
    this.statements.setMetadata.run(streamName, json);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.db.open) this.db.close();
  }
}

function satisfies(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return current === expected;
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamName: row.stream_name,
    revision: row.revision,
    position: row.position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
  };
}
