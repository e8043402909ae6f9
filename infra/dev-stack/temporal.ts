import { Connection } from '@temporalio/client';
import * as path from 'node:path';
import { startProcess, untilReady, type ManagedProcess } from './managed-process';
import { freePort } from './ports';

export interface EmbeddedTemporal {
  address: string;
  uiUrl: string;
  process: ManagedProcess;
}

/** The pinned Temporal CLI dev server, its state in one SQLite file, its Web UI on its own port. */
export async function startTemporal(
  binary: string,
  dataDir: string,
  logDir: string,
  namespaces: readonly string[] = [],
): Promise<EmbeddedTemporal> {
  const [port, uiPort] = [await freePort(), await freePort()];
  const proc = startProcess(
    'temporal',
    binary,
    [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--ui-port',
      String(uiPort),
      '--db-filename',
      path.join(dataDir, 'temporal.sqlite'),
      '--log-level',
      'error',
      // WAL without an fsync per commit: 1.7× the dev server's throughput (docs/PERFORMANCE.md, Workflows). A
      // power cut may lose the last workflow tasks; the event log, our system of record, keeps synchronous=FULL.
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
      ...namespaces.flatMap((n) => ['--namespace', n]),
    ],
    { logFile: path.join(logDir, 'temporal.log') },
  );
  const address = `127.0.0.1:${port}`;
  await untilReady(
    proc,
    'Temporal',
    path.join(logDir, 'temporal.log'),
    () => serves(address, namespaces),
    60_000,
  );
  return { address, uiUrl: `http://127.0.0.1:${uiPort}`, process: proc };
}

/** True once the frontend answers for `default` and every extra namespace. */
export async function serves(address: string, namespaces: readonly string[]): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    for (const namespace of ['default', ...namespaces])
      await connection.workflowService.describeNamespace({ namespace });
    return true;
  } finally {
    await connection.close();
  }
}
