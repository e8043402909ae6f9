import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventToAppend, RecordedEvent } from '@vsoko/event-store';
import { SqliteEventStore, type Durability } from '@vsoko/event-store';
import { SCHEMA } from '../libs/event-store/src/sqlite/schema';
import { benchLine, compare, type Comparison } from './support/measure';

/**
 * The embedded event store beside raw better-sqlite3 doing the same work on the same schema, in one run:
 * - append-single: one event per transaction (what a workflow step does), 1,000 appends;
 * - append-batch: 100 events per transaction, 20,000 events;
 * - read-all: the 20,000 events read in pages of 1,000, rows turned into objects with parsed JSON;
 * - subscribe: a catch-up subscription delivering the 20,000 events in batches of 500.
 * The raw side is the least anything on this schema can do: one prepared INSERT per event with positions
 * and revisions kept in memory, or one prepared SELECT per page. The adapter additionally checks the
 * expected revision and idempotency, validates and canonicalises JSON, and computes the hash chain.
 */
const SINGLE = 1_000;
const BATCH = 100;
const EVENTS = 20_000;
const PAGE = 1_000;
const SUBSCRIPTION_BATCH = 500;
const REPEATS = 5;
const STREAMS = 100;

const metadata = {
  actor: { id: 'user-7', kind: 'user' as const, role: 'заместитель директора', name: 'Иванова А. П.' },
  occurredAt: '2025-10-01T09:00:00.000Z',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  schoolId: 'school-0042',
};

function makeEvents(count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type: 'DecisionRecorded',
    data: {
      decisionId: randomUUID(),
      text: 'Провести методический семинар по результатам диагностической работы по математике',
      responsible: { id: 'user-12', name: 'Петров С. В.' },
      deadline: '2025-11-15',
      n: i,
    },
    metadata,
  }));
}

class Files {
  private n = 0;
  constructor(readonly dir: string) {}
  next(): string {
    const dir = join(this.dir, String(++this.n));
    mkdirSync(dir);
    return join(dir, 'events.sqlite');
  }
}

function openRaw(file: string, durability: Durability): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.exec(SCHEMA);
  return db;
}

/** Raw inserts of `events` in transactions of `perTransaction`, positions and revisions tracked in memory. */
function rawAppend(db: Database.Database, events: EventToAppend[], perTransaction: number): void {
  const insert = db.prepare(
    `INSERT INTO events (position, stream_name, revision, id, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const revisions = new Map<string, number>();
  let position = 0;
  const write = db.transaction((stream: string, batch: EventToAppend[]) => {
    const recordedAt = new Date().toISOString();
    let revision = revisions.get(stream) ?? -1;
    for (const e of batch) {
      insert.run(
        ++position,
        stream,
        ++revision,
        e.id,
        e.type,
        1,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        recordedAt,
      );
    }
    revisions.set(stream, revision);
  });
  for (let i = 0; i < events.length; i += perTransaction) {
    write.immediate(`procedure-${(i / perTransaction) % STREAMS}`, events.slice(i, i + perTransaction));
  }
}

async function adapterAppend(
  store: SqliteEventStore,
  events: EventToAppend[],
  perTransaction: number,
): Promise<void> {
  const revisions = new Map<string, number>();
  for (let i = 0; i < events.length; i += perTransaction) {
    const stream = `procedure-${(i / perTransaction) % STREAMS}`;
    const result = await store.append(
      stream,
      events.slice(i, i + perTransaction),
      revisions.get(stream) ?? 'no_stream',
    );
    revisions.set(stream, result.nextExpectedRevision);
  }
}

interface Row {
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

function rawPage(
  select: Database.Statement<[number, number], Row>,
  after: number,
  limit: number,
): RecordedEvent[] {
  return select.all(after, limit).map((r) => ({
    id: r.id,
    streamName: r.stream_name,
    revision: r.revision,
    position: r.position,
    type: r.type,
    schemaVersion: r.schema_version,
    data: JSON.parse(r.data),
    metadata: JSON.parse(r.metadata),
    recordedAt: r.recorded_at,
  }));
}

function appendFigures(
  files: Files,
  durability: Durability,
  perTransaction: number,
  count: number,
): Promise<Comparison> {
  return compare(
    REPEATS,
    count,
    async () => {
      const store = new SqliteEventStore({ path: files.next(), durability });
      await adapterAppend(store, makeEvents(count), perTransaction);
      await store.close();
    },
    () => {
      const db = openRaw(files.next(), durability);
      rawAppend(db, makeEvents(count), perTransaction);
      db.close();
    },
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vsoko-bench-es-'));
  const files = new Files(dir);
  try {
    // Events are generated inside the timed runs on both sides alike; it costs the same to each.
    const single = await appendFigures(files, 'full', 1, SINGLE);
    const singleNormal = await appendFigures(files, 'normal', 1, SINGLE);
    const batch = await appendFigures(files, 'full', BATCH, EVENTS);

    const source = files.next();
    const writer = new SqliteEventStore({ path: source });
    await adapterAppend(writer, makeEvents(EVENTS), BATCH);
    await writer.close();

    const store = new SqliteEventStore({ path: source });
    const db = new Database(source, { readonly: true });
    const select = db.prepare<[number, number], Row>(
      'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?',
    );

    const readAll = await compare(
      REPEATS,
      EVENTS,
      async () => {
        let after = 0;
        for (
          let page = await store.readAll({ maxCount: PAGE });
          page.length > 0;
          page = await store.readAll({ afterPosition: after, maxCount: PAGE })
        ) {
          after = page[page.length - 1].position;
        }
      },
      () => {
        let after = 0;
        for (let page = rawPage(select, 0, PAGE); page.length > 0; page = rawPage(select, after, PAGE)) {
          after = page[page.length - 1].position;
        }
      },
    );

    let handled = 0;
    const handler = async (events: RecordedEvent[]): Promise<void> => {
      handled += events.length;
    };
    const subscribe = await compare(
      REPEATS,
      EVENTS,
      async () => {
        const subscription = store.subscribeToAll(handler, { batchSize: SUBSCRIPTION_BATCH });
        await subscription.caughtUpTo(EVENTS);
        await subscription.stop();
      },
      async () => {
        let after = 0;
        while (after < EVENTS) {
          const page = rawPage(select, after, SUBSCRIPTION_BATCH);
          await handler(page);
          after = page[page.length - 1].position;
        }
      },
    );
    await store.close();
    db.close();

    const line = (text: string) => process.stdout.write(text + '\n');
    line(
      `event-store: SQLite WAL, synchronous=FULL unless noted; best of ${REPEATS} runs; handled ${handled} events in subscriptions`,
    );
    line(
      `info append-single synchronous=NORMAL value=${Math.round(singleNormal.value)} baseline=${Math.round(singleNormal.baseline)} ` +
        `ratio=${(singleNormal.value / singleNormal.baseline).toFixed(2)}; synchronous=FULL appends ` +
        `${(singleNormal.value / single.value).toFixed(1)}x slower`,
    );
    line(benchLine('event-store.append-single', 'events/s', single));
    line(benchLine('event-store.append-batch', 'events/s', batch));
    line(benchLine('event-store.read-all', 'events/s', readAll));
    line(benchLine('event-store.subscribe', 'events/s', subscribe));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
