import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../test/contract';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'vsoko-es-contract-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract(
  'SQLite',
  async () => new SqliteEventStore({ path: join(dir, `${++n}`, 'events.sqlite') }),
);

const url = process.env.EVENTSTORE_URL;
if (url) {
  eventStoreContract('KurrentDB', async () => new KurrentDbEventStore({ url }));
} else {
  process.stdout.write('KurrentDB: контрактные тесты пропущены — переменная EVENTSTORE_URL не задана.\n');
}
