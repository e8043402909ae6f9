import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalBlobStore } from './local-blob-store';

describe('a content-addressed blob store in a local directory', () => {
  let dir: string;
  let store: LocalBlobStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-blobs-'));
    store = new LocalBlobStore(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keys a file by the SHA-256 of its bytes and gives the same bytes back', async () => {
    const bytes = Buffer.from('%PDF-1.4 приказ № 112');
    const stored = await store.put(bytes);
    expect(stored).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      created: true,
    });
    expect(await store.get(stored.sha256)).toEqual(bytes);
  });

  it('stores the same file once, however often and however concurrently it is uploaded', async () => {
    const bytes = Buffer.from('одинаковый файл');
    const results = await Promise.all([1, 2, 3, 4].map(() => store.put(bytes)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const files = fs.readdirSync(path.join(dir, results[0].sha256.slice(0, 2)));
    expect(files).toEqual([results[0].sha256]);
  });

  it('never overwrites a stored blob, even one whose file was tampered with', async () => {
    const { sha256 } = await store.put(Buffer.from('подлинник'));
    fs.writeFileSync(path.join(dir, sha256.slice(0, 2), sha256), 'подделка');
    expect((await store.put(Buffer.from('подлинник'))).created).toBe(false);
    const back = (await store.get(sha256))!;
    expect(createHash('sha256').update(back).digest('hex')).not.toBe(sha256);
  });

  it('knows nothing of an unknown or malformed key', async () => {
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
  });
});
