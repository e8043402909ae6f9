import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { findPostgresBin } from '../../../infra/scripts/postgres';
import { tcpOpen } from '../../../infra/dev-stack/ports';
import { startStack, type RunningStack } from '../../../infra/dev-stack/stack';

/** The shared run's Temporal and mail; this file brings up its own PostgreSQL and FerretDB on it. */
function stackEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
    SMTP_URL: process.env.SMTP_URL,
    ...extra,
  };
}

function psql(postgresUrl: string, sql: string): string {
  const url = new URL(postgresUrl);
  const r = spawnSync(
    path.join(findPostgresBin()!, 'psql'),
    ['-h', url.hostname, '-p', url.port, '-U', url.username, '-d', 'ferretdb', '-tAc', sql],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

describe('the dev stack with VSOKO_READ_BACKEND=ferretdb-pg', () => {
  const dataDir = path.join(process.env.VSOKO_IT_DATA_DIR!, `pg-${randomUUID().slice(0, 8)}`);
  const database = `vsoko_pg_${randomUUID().slice(0, 8)}`;
  let stack: RunningStack | undefined;

  beforeAll(() => fs.mkdirSync(dataDir, { recursive: true }));
  afterAll(async () => stack?.stop());

  it('keeps read models in its own PostgreSQL cluster, stops it with the stack and finds them again', async () => {
    stack = await startStack({ dataDir, env: stackEnv({ VSOKO_READ_BACKEND: 'ferretdb-pg' }) });
    expect(stack.embedded).toEqual(['postgres', 'ferretdb']);
    const postgresUrl = stack.endpoints.VSOKO_POSTGRES_URL!;
    expect(postgresUrl).toMatch(/^postgres:\/\/vsoko@127\.0\.0\.1:\d+\/$/);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const mongo = await MongoClient.connect(stack.endpoints.MONGODB_URL);
    await mongo
      .db(database)
      .collection('procedures')
      .insertOne({ _id: 'vpr-4' as never, schoolId: 'school-1', title: 'ВПР по математике' });
    await mongo.close();
    // FerretDB's PostgreSQL backend keeps each MongoDB database as a schema of the `ferretdb` database.
    expect(psql(postgresUrl, `SELECT count(*) FROM pg_namespace WHERE nspname = '${database}'`)).toBe('1');

    const ports = [postgresUrl, stack.endpoints.MONGODB_URL].map((u) => Number(new URL(u).port));
    await stack.stop();
    stack = undefined;
    for (const port of ports) expect(await tcpOpen('127.0.0.1', port)).toBe(false);

    stack = await startStack({ dataDir, env: stackEnv({ VSOKO_READ_BACKEND: 'ferretdb-pg' }) });
    const again = await MongoClient.connect(stack.endpoints.MONGODB_URL);
    const found = await again.db(database).collection('procedures').findOne({ schoolId: 'school-1' });
    await again.db(database).dropDatabase();
    await again.close();
    expect(found).toMatchObject({ _id: 'vpr-4', title: 'ВПР по математике' });
  });

  it('refuses an unknown backend by naming the variable, and starts nothing', async () => {
    await expect(
      startStack({ dataDir, env: stackEnv({ VSOKO_READ_BACKEND: 'ferretdb-mysql' }) }),
    ).rejects.toThrow(/VSOKO_READ_BACKEND: одно из ferretdb-sqlite, ferretdb-pg/);
  });
});
