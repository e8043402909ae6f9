import Database from 'better-sqlite3';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import { ALL_PROJECTIONS, READ_MODELS_VERSION, SqliteReadStore } from '@vsoko/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveProcedure } from '../../../test/integration/projections/support/school-years';
import type { RebuildProgress } from './rebuild-read-models';
import { runProjector } from './run-projector';

describe('the projector starting on an existing data folder', () => {
  let dir: string;
  let events: EventStore;
  let head: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vsoko-projector-start-'));
    events = await createEventStore({ sqlitePath: join(dir, 'events.sqlite'), durability: 'normal' });
    for (let i = 0; i < 6; i++) await liveProcedure(events, 'school-1', i);
    head = await events.headPosition();
  });

  afterAll(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(readStore: SqliteReadStore) {
    const progress: RebuildProgress[] = [];
    const running = await runProjector({
      store: events,
      readStore,
      rebuildThreshold: 10,
      onRebuild: (p) => progress.push(p),
    });
    await running.subscription.caughtUpTo(head);
    await running.stop();
    return progress;
  }

  it('given read models of an older layout, when it starts, then it rebuilds them from the log, with progress', async () => {
    const readStore = new SqliteReadStore(join(dir, 'old-layout.sqlite'));
    await readStore.prepare(ALL_PROJECTIONS);
    const stale = { _id: 'school-1-p0', _position: head, stage: 'stale-layout' };
    await readStore.write([{ collection: 'procedures', put: [stale], remove: [] }], {
      name: 'read-models',
      position: head,
      version: READ_MODELS_VERSION - 1,
    });

    const progress = await start(readStore);

    expect(await readStore.checkpoint('read-models')).toEqual({
      position: head,
      version: READ_MODELS_VERSION,
    });
    expect(await readStore.get('procedures', 'school-1-p0')).toMatchObject({
      stage: 'closed',
      schoolId: 'school-1',
    });
    expect(await readStore.count('procedures', {})).toBe(6);
    expect(progress.filter((p) => p.phase === 'replay').at(-1)).toEqual({
      phase: 'replay',
      done: head,
      total: head,
    });
    // The indexes were left out of the replay into the emptied store and built once at its end.
    expect(progress.at(-1)).toEqual({ phase: 'index', done: 1, total: 1 });
    expect(indexNames(readStore)).toEqual(expect.arrayContaining(['rm_procedures__school_year_window']));
    await readStore.close();
  });

  it('given a file from before the procedures were stored by school (version 9), then it rebuilds them in that order', async () => {
    const path = join(dir, 'version-9.sqlite');
    const old = new Database(path);
    old.exec(`CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL, version INTEGER, updatedAt TEXT NOT NULL);
      CREATE TABLE rm_procedures (_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
      CREATE INDEX rm_procedures__school_year_window ON rm_procedures (json_extract(doc, '$.schoolId'), json_extract(doc, '$.academicYear'), json_extract(doc, '$.window.from'), _id);`);
    old
      .prepare(`INSERT INTO rm_procedures VALUES ('school-1-p0', '{"_id":"school-1-p0","_position":1}')`)
      .run();
    old.prepare(`INSERT INTO checkpoints VALUES ('read-models', ?, 9, '2026-12-01T00:00:00Z')`).run(head);
    old.close();
    const readStore = new SqliteReadStore(path, ALL_PROJECTIONS);

    await start(readStore);

    const plan = await readStore.find('procedures', {
      where: { schoolId: 'school-1', academicYear: '2023/24' },
      sort: { 'window.from': 1, _id: 1 },
      limit: 50,
    });
    const byWindow = (p: { _id: string; window?: { from: string } }) => `${p.window?.from}|${p._id}`;
    expect(plan).toHaveLength(6);
    expect(plan.map(byWindow)).toEqual(plan.map(byWindow).sort());
    expect(await readStore.get('procedures', 'school-1-p0')).toMatchObject({ stage: 'closed' });
    const db = new Database(path, { readonly: true });
    const table = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'rm_procedures'`).get() as {
      sql: string;
    };
    db.close();
    expect(table.sql).toMatch(
      /PRIMARY KEY \("key:schoolId", "key:academicYear", "key:window\.from", _id\)\) WITHOUT ROWID/,
    );
    await readStore.close();
  });

  it('given no read models beside a log with events (an installation from before), then it builds them with progress', async () => {
    const readStore = new SqliteReadStore(join(dir, 'fresh.sqlite'));
    const progress = await start(readStore);
    expect(progress.length).toBeGreaterThan(0);
    expect(await readStore.count('audit', {})).toBe(head);
    expect((await readStore.checkpoint('read-models')).position).toBe(head);
    await readStore.close();
  });

  it('given read models of this layout, then it only follows the log, without a rebuild', async () => {
    const readStore = new SqliteReadStore(join(dir, 'fresh.sqlite'));
    const before = await readStore.get('procedures', 'school-1-p3');
    expect(await start(readStore)).toEqual([]);
    expect(await readStore.get('procedures', 'school-1-p3')).toEqual(before);
    await readStore.close();
  });
});

function indexNames(store: SqliteReadStore): string[] {
  const db = new Database(store.path, { readonly: true });
  try {
    return (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]
    ).map((r) => r.name);
  } finally {
    db.close();
  }
}
