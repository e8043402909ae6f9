import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { SHA256_HEX, type BlobStore, type StoredBlob } from './blob-store';

/**
 * Blobs as files `<dir>/<first two hex digits>/<sha256>`. A new blob is written to a temporary file and then
 * hard-linked to its name: `link` refuses an existing name, so a blob is never overwritten, even by two
 * uploads of the same file at once.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  async put(bytes: Buffer): Promise<StoredBlob> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.${randomUUID()}.tmp`);
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    try {
      await fs.link(temp, target);
      return { sha256, size: bytes.length, created: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST')
        return { sha256, size: bytes.length, created: false };
      throw e;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  private pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }
}
