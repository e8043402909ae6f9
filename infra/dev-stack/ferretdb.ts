import { MongoClient } from 'mongodb';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startProcess, untilReady, type ManagedProcess } from './managed-process';
import { freePort } from './ports';

export interface EmbeddedFerretDb {
  url: string;
  process: ManagedProcess;
}

/** FerretDB v1 with its SQLite backend (our launcher in infra/ferretdb), one directory of SQLite files. */
export async function startFerretDb(
  binary: string,
  dataDir: string,
  logDir: string,
): Promise<EmbeddedFerretDb> {
  const port = await freePort();
  const dir = path.join(dataDir, 'ferretdb');
  fs.mkdirSync(dir, { recursive: true });
  const proc = startProcess('ferretdb', binary, ['--listen-addr', `127.0.0.1:${port}`, '--sqlite-dir', dir], {
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
