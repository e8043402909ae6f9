import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createEventStore, SqliteEventStore, type EventStore, type EventToAppend } from '@vsoko/event-store';
import {
  ALL_COLLECTIONS,
  ALL_PROJECTIONS,
  Projector,
  READ_MODELS_VERSION,
  rebuildingPath,
  SqliteReadStore,
  type ProjectedDocument,
} from '@vsoko/projections';
import { liveProcedure } from '../../../test/integration/projections/support/school-years';
import { rebuildReadModels, type RebuildProgress } from './rebuild-read-models';
import { runProjector } from './run-projector';

const ROOT = resolve(__dirname, '../../..');
const COLLECTIONS = [...new Set(ALL_COLLECTIONS.map((c) => c.collection))];
/** Longer than a reader waits before it looks whether a rebuild was swapped in under its path. */
const FOLLOW_WAIT_MS = 150;
/** How many times the kill test's log holds the test's procedures. */
const COPIES = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A store of an older layout, as an upgrade finds it: one stale document, checkpoint at the log's head. */
async function olderLayout(path: string, head: number): Promise<SqliteReadStore> {
  const store = new SqliteReadStore(path, ALL_COLLECTIONS);
  await store.prepare(ALL_PROJECTIONS);
  const stale = { _id: 'school-1-p0', _position: head, stage: 'stale-layout' };
  await store.write([{ collection: 'procedures', put: [stale], remove: [] }], {
    name: 'read-models',
    position: head,
    version: READ_MODELS_VERSION - 1,
  });
  return store;
}

/** Every document of every read model, by collection, in `_id` order: what two stores must agree on. */
async function dump(store: SqliteReadStore): Promise<Record<string, ProjectedDocument[]>> {
  const out: Record<string, ProjectedDocument[]> = {};
  for (const c of COLLECTIONS) out[c] = await store.find(c, { where: {}, sort: { _id: 1 } });
  return out;
}

describe('a rebuild of the SQLite read models, written beside the live store', () => {
  let dir: string;
  let events: EventStore;
  let head: number;
  let clean: Record<string, ProjectedDocument[]>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vsoko-rebuild-beside-'));
    events = await createEventStore({ sqlitePath: join(dir, 'events.sqlite'), durability: 'normal' });
    for (let i = 0; i < 12; i++) await liveProcedure(events, 'school-1', i);
    head = await events.headPosition();
    // The reference: the live projector's own path, batch after batch, into a plain store.
    const reference = new SqliteReadStore(join(dir, 'reference.sqlite'), ALL_COLLECTIONS);
    const projector = new Projector(reference, ALL_PROJECTIONS);
    await projector.prepare();
    await projector.apply(await events.readAll({ maxCount: head }));
    clean = await dump(reference);
    await reference.close();
  });

  afterAll(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(readStore: SqliteReadStore): Promise<RebuildProgress[]> {
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

  it('given a rebuild that died half-way, readers kept the store as it was and the next start rebuilds it whole', async () => {
    const live = join(dir, 'died', 'read-models.sqlite');
    mkdirSync(join(dir, 'died'));
    const store = await olderLayout(live, head);
    // The API's connection, open all along.
    const reader = new SqliteReadStore(live, ALL_COLLECTIONS);
    expect(await reader.get('procedures', 'school-1-p0')).toMatchObject({ stage: 'stale-layout' });

    // The rebuild writes its first page, then its process is gone: only its file is left, under its own name.
    const target = await store.rebuild!();
    const half = new Projector(target.store, ALL_PROJECTIONS);
    await half.prepare();
    await half.apply(await events.readAll({ maxCount: Math.floor(head / 2) }));
    // Written without a journal file: the pages went to the file once, nothing else on disk.
    expect(existsSync(`${rebuildingPath(live)}-journal`)).toBe(false);
    expect(existsSync(`${rebuildingPath(live)}-wal`)).toBe(false);
    await target.store.close();
    expect(existsSync(rebuildingPath(live))).toBe(true);

    // Readers never see the half-built store: the old one stays whole under the live path.
    await sleep(FOLLOW_WAIT_MS);
    expect(await reader.get('procedures', 'school-1-p0')).toMatchObject({ stage: 'stale-layout' });
    expect(await reader.count('audit', {})).toBe(0);
    expect(await reader.checkpoint('read-models')).toEqual({
      position: head,
      version: READ_MODELS_VERSION - 1,
    });

    const progress = await start(store);

    expect(progress.filter((p) => p.phase === 'replay').at(-1)).toEqual({
      phase: 'replay',
      done: head,
      total: head,
    });
    expect(progress.at(-1)).toEqual({ phase: 'index', done: 1, total: 1 });
    expect(existsSync(rebuildingPath(live))).toBe(false);
    expect(lstatSync(live).isSymbolicLink()).toBe(true);
    expect(await store.checkpoint('read-models')).toEqual({ position: head, version: READ_MODELS_VERSION });
    expect(await dump(store)).toEqual(clean);
    // The reader, open since before the rebuild, moves to the new store by itself.
    await sleep(FOLLOW_WAIT_MS);
    expect(await reader.get('procedures', 'school-1-p0')).toMatchObject({
      stage: 'closed',
      schoolId: 'school-1',
    });
    expect(await reader.count('audit', {})).toBe(head);
    // Only the live generation is left in the folder (the old file, its WAL and the unfinished rebuild are gone).
    expect(readdirSync(join(dir, 'died')).filter((f) => !/-(wal|shm)$/.test(f))).toHaveLength(2);
    await reader.close();
    await store.close();
  });

  it('given an unfinished rebuild beside a store of this layout (asked for, then killed), the next start rebuilds again', async () => {
    const live = join(dir, 'asked', 'read-models.sqlite');
    mkdirSync(join(dir, 'asked'));
    const store = new SqliteReadStore(live, ALL_COLLECTIONS);
    await rebuildReadModels({ store: events, readStore: store });
    expect(await dump(store)).toEqual(clean);
    expect(await start(store)).toEqual([]);

    const target = await store.rebuild!();
    await target.store.close();

    const progress = await start(store);
    expect(progress.at(-1)).toEqual({ phase: 'index', done: 1, total: 1 });
    expect(existsSync(rebuildingPath(live))).toBe(false);
    expect(await dump(store)).toEqual(clean);
    await store.close();
  });

  it('a rebuild that fails leaves the live store as it was and no file of its own', async () => {
    const live = join(dir, 'failed', 'read-models.sqlite');
    mkdirSync(join(dir, 'failed'));
    const store = await olderLayout(live, head);
    await expect(
      rebuildReadModels({
        store: events,
        readStore: store,
        pageSize: 20,
        onProgress: (p) => {
          if (p.phase === 'replay' && p.done > 40) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(rebuildingPath(live))).toBe(false);
    expect(await store.get('procedures', 'school-1-p0')).toMatchObject({ stage: 'stale-layout' });
    await store.close();
  });

  it('the projector process killed mid-rebuild leaves the old store in place, and its next start rebuilds it whole', async () => {
    const data = join(dir, 'killed');
    mkdirSync(data);
    // The test's log 40 times over (`school-1-p3`, `school-1-p3-copy1`…): long enough to be killed mid-rebuild.
    const log = new SqliteEventStore({ path: join(data, 'events.sqlite'), durability: 'normal' });
    for (let i = 0; i < COPIES; i++)
      await log.appendStreams(await copyStreams(events, i === 0 ? '' : `-copy${i}`));
    const logHead = await log.headPosition();
    await log.close();
    const live = join(data, 'read-models.sqlite');
    await (await olderLayout(live, logHead)).close();

    const children: ChildProcess[] = [];
    const startProjector = () => {
      const child = spawn(process.execPath, ['infra/scripts/run-ts.js', 'services/projector/src/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, VSOKO_READ_MODELS: 'sqlite', VSOKO_DATA_DIR: data, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    };
    const exited = (child: ChildProcess) =>
      new Promise<void>((r) =>
        child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
      );
    try {
      const first = startProjector();
      for (const until = Date.now() + 90_000; !existsSync(rebuildingPath(live)); await sleep(2))
        if (Date.now() > until || first.exitCode !== null)
          throw new Error('the projector never started its rebuild');
      first.kill('SIGKILL');
      await exited(first);
      expect(first.signalCode).toBe('SIGKILL');
      expect(existsSync(rebuildingPath(live))).toBe(true);
      const reader = new SqliteReadStore(live, ALL_COLLECTIONS, { readonly: true });
      expect(await reader.get('procedures', 'school-1-p0')).toMatchObject({ stage: 'stale-layout' });
      await reader.close();

      const second = startProjector();
      const after = new SqliteReadStore(live, ALL_COLLECTIONS, { readonly: true });
      for (const until = Date.now() + 90_000; ; await sleep(50)) {
        const checkpoint = await after.checkpoint('read-models').catch(() => null);
        if (checkpoint?.position === logHead && checkpoint.version === READ_MODELS_VERSION) break;
        if (Date.now() > until || second.exitCode !== null)
          throw new Error('the projector never finished its rebuild');
      }
      second.kill('SIGTERM');
      await exited(second);
      expect(existsSync(rebuildingPath(live))).toBe(false);
      expect(await after.count('audit', {})).toBe(logHead);
      expect(await after.get('procedures', 'school-1-p0')).toMatchObject({ stage: 'closed' });
      expect(await after.count('procedures', {})).toBe(clean.procedures.length * COPIES);
      await after.close();
    } finally {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 240_000);
});

/** The log's streams again under other procedure ids (`school-1-p3` → `school-1-p3-copy1`), for a longer log. */
async function copyStreams(events: EventStore, tag: string) {
  const streams = new Map<string, { type: string; data: unknown; metadata: unknown }[]>();
  for (const e of await events.readAll({ maxCount: Number.MAX_SAFE_INTEGER })) {
    const list = streams.get(e.streamName) ?? [];
    list.push({ type: e.type, data: e.data, metadata: e.metadata });
    streams.set(e.streamName, list);
  }
  return [...streams].map(([name, list]) => {
    const rename = (text: string) => text.replace(/(school-1-p\d+)/g, `$1${tag}`);
    return {
      streamName: rename(name),
      expectedRevision: 'no_stream' as const,
      events: list.map((e) => {
        const { $chain, ...metadata } = e.metadata as Record<string, unknown>;
        void $chain;
        return {
          id: randomUUID(),
          ...(JSON.parse(rename(JSON.stringify({ type: e.type, data: e.data, metadata }))) as Omit<
            EventToAppend,
            'id'
          >),
        };
      }),
    };
  });
}
