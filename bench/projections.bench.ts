import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEventStore } from '@vsoko/event-store';
import { ALL_PROJECTIONS, MongoReadStore } from '@vsoko/projections';
import { MongoClient, type Db, type Document } from 'mongodb';
import { startFerretDb } from '../infra/dev-stack/ferretdb';
import { rebuildReadModels } from '../services/projector/src/rebuild-read-models';
import { recordSchoolYears } from '../test/integration/projections/support/school-years';
import { benchLine } from './support/measure';

/**
 * Rebuilding every read model from the log (drop, replay in pages of 1,000 with the checkpoint after each,
 * indexes created) beside raw `bulkWrite` of the very documents the rebuild produced, into the same server.
 * The raw side is the least any projector can do: no reads, no folding, one unordered insert per collection.
 * Both are expressed per log event. The log: 4 schools × 110 procedure lives driven through the real decider.
 */
const SCHOOLS = 4;
const PER_SCHOOL = 110;
const REPEATS = 2;
const ROOT = resolve(__dirname, '..');

async function dumpAll(db: Db): Promise<Record<string, Document[]>> {
  const dump: Record<string, Document[]> = {};
  for (const c of new Set(ALL_PROJECTIONS.map((p) => p.collection)))
    dump[c] = await db.collection(c).find().toArray();
  return dump;
}

export async function run(): Promise<void> {
  const binary = join(ROOT, '.vsoko', 'bin', 'ferretdb');
  if (!existsSync(binary))
    execFileSync(process.execPath, [join(ROOT, 'infra/scripts/build-binaries.js')], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'vsoko-bench-projections-'));
  const ferret = await startFerretDb(binary, dir, dir);
  const mongo = await MongoClient.connect(ferret.url);
  const store = await createEventStore({ sqlitePath: join(dir, 'events.sqlite'), durability: 'normal' });
  try {
    const events = await recordSchoolYears(store, { schools: SCHOOLS, perSchool: PER_SCHOOL });
    let rebuild = 0;
    let documents: Record<string, Document[]> = {};
    for (let round = 0; round < REPEATS; round++) {
      const db = mongo.db(`bench_rebuild_${round}`);
      const result = await rebuildReadModels({ store, readStore: new MongoReadStore(db) });
      rebuild = Math.max(rebuild, result.events / result.seconds);
      documents = await dumpAll(db);
      await db.dropDatabase();
    }
    let raw = 0;
    for (let round = 0; round < REPEATS; round++) {
      const db = mongo.db(`bench_raw_${round}`);
      const start = process.hrtime.bigint();
      for (const [collection, docs] of Object.entries(documents)) {
        if (docs.length > 0)
          await db.collection(collection).bulkWrite(
            docs.map((document) => ({ insertOne: { document } })),
            { ordered: false },
          );
      }
      raw = Math.max(raw, events / (Number(process.hrtime.bigint() - start) / 1e9));
      await db.dropDatabase();
    }
    const counts = Object.entries(documents)
      .map(([c, d]) => `${c}=${d.length}`)
      .join(' ');
    process.stdout.write(
      `projections: FerretDB ${ferret.url} (SQLite backend), ${events} events, documents ${counts}; best of ${REPEATS}\n`,
    );
    process.stdout.write(
      `info rebuild ${Math.round(rebuild)} events/s; raw bulkWrite of the same documents ${Math.round(raw)} events/s\n`,
    );
    process.stdout.write(
      benchLine('projections.rebuild', 'events/s', { value: rebuild, baseline: raw }) + '\n',
    );
  } finally {
    await store.close();
    await mongo.close();
    await ferret.process.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
