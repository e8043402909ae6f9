import { MongoClient } from 'mongodb';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startProcess, untilReady, type ManagedProcess } from './managed-process';
import { freePort } from './ports';

export interface EmbeddedFerretDb {
  url: string;
  process: ManagedProcess;
}

/**
 * FerretDB v1 (our launcher in infra/ferretdb) with its SQLite backend, one directory of SQLite files, or with its
 * PostgreSQL backend when given `postgresqlUrl` (an existing database).
 */
export async function startFerretDb(
  binary: string,
  dataDir: string,
  logDir: string,
  options: { postgresqlUrl?: string } = {},
): Promise<EmbeddedFerretDb> {
  const port = await freePort();
  const backend = options.postgresqlUrl
    ? ['--postgresql-url', options.postgresqlUrl]
    : ['--sqlite-dir', path.join(dataDir, 'ferretdb')];
  if (!options.postgresqlUrl) fs.mkdirSync(path.join(dataDir, 'ferretdb'), { recursive: true });
  const proc = startProcess('ferretdb', binary, ['--listen-addr', `127.0.0.1:${port}`, ...backend], {
    logFile: path.join(logDir, 'ferretdb.log'),
  });
  const url = `mongodb://127.0.0.1:${port}/`;
  await untilReady(
    proc,
    'FerretDB',
    path.join(logDir, 'ferretdb.log'),
    async () => {
      const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000 });
      try {
        await client.db('admin').command({ ping: 1 });
        return true;
      } finally {
        await client.close();
      }
    },
    30_000,
  );
  return { url, process: proc };
}
