import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { metadata } from '../test/fixtures';
import type { EventStore, RecordedEvent } from './port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { UpcasterRegistry, withUpcasters } from './upcasting';

const dir = mkdtempSync(join(tmpdir(), 'vsoko-es-upcast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * DecisionRecorded's history: v1 had `responsible` as a name; v2 made it { name } and v3 added `deadline`
 * (absent before, so null). Stored events keep the version they were written with.
 */
const registry = new UpcasterRegistry()
  .register('DecisionRecorded', 1, (data) => {
    const { responsible, ...rest } = data as { responsible: string };
    return { ...rest, responsible: { name: responsible } };
  })
  .register('DecisionRecorded', 2, (data) => ({ ...(data as object), deadline: null }));

const stored = [
  { type: 'DecisionRecorded', version: 1, data: { text: 'Провести семинар', responsible: 'Петров' } },
  { type: 'DecisionRecorded', version: 2, data: { text: 'Обновить КИМ', responsible: { name: 'Сидорова' } } },
  {
    type: 'DecisionRecorded',
    version: 3,
    data: { text: 'Отчёт', responsible: { name: 'Иванова' }, deadline: '2025-12-01' },
  },
  { type: 'ProcedureScheduled', version: 1, data: { title: 'ВСОКО' } },
];

const raised = [
  { schemaVersion: 3, data: { text: 'Провести семинар', responsible: { name: 'Петров' }, deadline: null } },
  { schemaVersion: 3, data: { text: 'Обновить КИМ', responsible: { name: 'Сидорова' }, deadline: null } },
  { schemaVersion: 3, data: stored[2].data },
  { schemaVersion: 1, data: { title: 'ВСОКО' } },
];

let file: string;
let store: EventStore;

/** Rows written the way an older release of the store wrote them, straight into the file. */
beforeAll(async () => {
  file = join(dir, 'events.sqlite');
  await new SqliteEventStore({ path: file }).close();
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO events (position, stream_name, revision, id, type, schema_version, data, metadata, recorded_at)
     VALUES (?, 'procedure-old', ?, ?, ?, ?, ?, ?, '2024-09-01T00:00:00.000Z')`,
  );
  stored.forEach((e, i) =>
    insert.run(
      i + 1,
      i,
      `00000000-0000-4000-8000-00000000000${i}`,
      e.type,
      e.version,
      JSON.stringify(e.data),
      JSON.stringify(metadata),
    ),
  );
  db.close();
});

beforeEach(() => {
  store = withUpcasters(new SqliteEventStore({ path: file }), registry);
});
afterEach(() => store.close());

const shape = (events: RecordedEvent[]) =>
  events.map((e) => ({ schemaVersion: e.schemaVersion, data: e.data }));

describe('upcasters raise old events to the current schema on read', () => {
  it('in readStream', async () => {
    expect(shape(await store.readStream('procedure-old'))).toEqual(raised);
  });

  it('in readAll', async () => {
    expect(shape(await store.readAll())).toEqual(raised);
  });

  it('in subscriptions', async () => {
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(async (batch) => {
      seen.push(...batch);
    });
    await subscription.caughtUpTo(4);
    await subscription.stop();
    expect(shape(seen)).toEqual(raised);
  });

  it('while the file keeps the events as written', async () => {
    const raw = new SqliteEventStore({ path: file });
    const events = await raw.readStream('procedure-old');
    await raw.close();
    expect(events.map((e) => e.schemaVersion)).toEqual([1, 2, 3, 1]);
    expect(events[0].data).toEqual(stored[0].data);
  });
});
