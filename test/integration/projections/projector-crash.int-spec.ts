import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import { ALL_PROJECTIONS, CHECKPOINTS, MongoReadStore, Projector } from '@vsoko/projections';
import { MongoClient, type Db } from 'mongodb';
import { rebuildReadModels } from '../../../services/projector/src/rebuild-read-models';
import { dumpReadModels } from './support/read-models';
import { recordSchoolYears } from './support/school-years';

const ROOT = path.resolve(__dirname, '../../..');

// The MongoDB adapter's path (FerretDB has no transactions): the batch first, the checkpoint after it.
describe('the projector process killed mid-stream', () => {
  let mongo: MongoClient;
  let store: EventStore;
  let dataDir: string;
  let head: number;
  const dbs: Db[] = [];
  const children: ChildProcess[] = [];

  const db = (name: string) => {
    const d = mongo.db(`vsoko_it_${name}_${randomUUID().slice(0, 8)}`);
    dbs.push(d);
    return d;
  };

  beforeAll(async () => {
    dataDir = path.join(process.env.VSOKO_IT_DATA_DIR!, `crash-${randomUUID().slice(0, 8)}`);
    fs.mkdirSync(dataDir, { recursive: true });
    store = await createEventStore({ sqlitePath: path.join(dataDir, 'events.sqlite'), durability: 'normal' });
    head = await recordSchoolYears(store, { schools: 4, perSchool: 110 });
    mongo = await MongoClient.connect(process.env.MONGODB_URL!);
  });

  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const d of dbs) await d.dropDatabase().catch(() => undefined);
    await mongo?.close();
    await store?.close();
  });

  const startProjector = (dbName: string): ChildProcess => {
    const child = spawn(process.execPath, ['infra/scripts/run-ts.js', 'services/projector/src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        MONGODB_URL: process.env.MONGODB_URL,
        MONGODB_DB: dbName,
        VSOKO_READ_MODELS: 'mongodb',
        VSOKO_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  };

  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );

  const checkpointOf = async (d: Db) =>
    (await d.collection<{ _id: string; position: number }>(CHECKPOINTS).findOne({ _id: 'read-models' }))
      ?.position ?? 0;

  async function waitForCheckpoint(d: Db, reached: (position: number) => boolean, timeoutMs: number) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const position = await checkpointOf(d);
      if (reached(position)) return position;
      if (Date.now() > until) throw new Error(`checkpoint stuck at ${position} of ${head}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('resumes from its checkpoint and ends with exactly the documents of a clean rebuild', async () => {
    expect(head).toBeGreaterThan(3_000);
    const crashed = db('crashed');

    const first = startProjector(crashed.databaseName);
    const killedAt = await waitForCheckpoint(crashed, (p) => p > 0, 120_000);
    first.kill('SIGKILL');
    await exited(first);
    const afterKill = await checkpointOf(crashed);
    expect(first.signalCode).toBe('SIGKILL');
    expect(afterKill).toBeGreaterThanOrEqual(killedAt);
    expect(afterKill).toBeLessThan(head);

    const second = startProjector(crashed.databaseName);
    await waitForCheckpoint(crashed, (p) => p === head, 300_000);
    second.kill('SIGTERM');
    await exited(second);

    const clean = db('clean');
    const result = await rebuildReadModels({ store, readStore: new MongoReadStore(clean) });
    expect(result.events).toBe(head);

    const [after, expected] = [await dumpReadModels(crashed), await dumpReadModels(clean)];
    for (const collection of Object.keys(expected)) {
      expect(after[collection].length).toBe(expected[collection].length);
      expect(after[collection]).toEqual(expected[collection]);
    }
    expect(expected.audit).toHaveLength(head);
    expect(expected.procedures).toHaveLength(440);
  }, 400_000);

  it('replaying a batch already applied changes no document', async () => {
    const target = db('replay');
    const projector = new Projector(new MongoReadStore(target), ALL_PROJECTIONS);
    const events = await store.readAll({ maxCount: 1_500 });
    await projector.apply(events.slice(0, 1_000));
    await projector.apply(events.slice(500, 1_500));
    const replayed = await dumpReadModels(target);

    const reference = db('reference');
    const straight = new Projector(new MongoReadStore(reference), ALL_PROJECTIONS);
    await straight.apply(events.slice(0, 1_000));
    await straight.apply(events.slice(1_000, 1_500));
    expect(replayed).toEqual(await dumpReadModels(reference));
  }, 200_000);
});
