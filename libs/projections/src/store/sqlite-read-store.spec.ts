import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreContract } from '../../test/read-store-contract';
import { SqliteReadStore } from './sqlite-read-store';

const dir = mkdtempSync(join(tmpdir(), 'vsoko-read-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

readStoreContract('SQLite', async () => new SqliteReadStore(join(dir, `${++n}.sqlite`)));
