import type { ValidationFailed } from '@vsoko/domain';
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { expandsTooMuch, tooManyEntries, type UploadLimits } from './limits';

/**
 * The parts of a zip (a .docx or .xlsx), bounded before anything is inflated: the central directory's entry
 * count and declared sizes are checked first, then each part is inflated as a stream and counted, so a part
 * whose header understates its size is stopped at the limit (yauzl's size validation), never after.
 * `keep` says which parts' contents are wanted; the others are inflated only to be counted. A file that is no
 * zip at all is `unreadable()`.
 */
export async function unzipBounded(
  buffer: Buffer,
  limits: UploadLimits,
  options: { keep(name: string): boolean; unreadable(): ValidationFailed },
): Promise<Map<string, Buffer>> {
  const { keep, unreadable } = options;
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw unreadable();
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw tooManyEntries(limits, zip.entryCount);
    const entries: Entry[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName.endsWith('/')) continue;
        declared += entry.uncompressedSize;
        if (declared > limits.maxExpandedBytes) throw expandsTooMuch(limits, declared);
        entries.push(entry);
      }
    } catch (e) {
      throw isTooLarge(e) ? e : unreadable();
    }
    const parts = new Map<string, Buffer>();
    let expanded = 0;
    for (const entry of entries) {
      const chunks: Buffer[] = [];
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          expanded += chunk.length;
          if (expanded > limits.maxExpandedBytes) {
            stream.destroy();
            throw expandsTooMuch(limits, expanded);
          }
          if (keep(entry.fileName)) chunks.push(chunk);
        }
      } catch (e) {
        // yauzl refuses a part that inflates past its declared size: the header lied, as bombs' headers do.
        if (isTooLarge(e)) throw e;
        if (/too many bytes/i.test((e as Error)?.message ?? '')) throw expandsTooMuch(limits, expanded);
        throw unreadable();
      }
      if (keep(entry.fileName)) parts.set(entry.fileName, Buffer.concat(chunks));
    }
    return parts;
  } finally {
    zip.close();
  }
}

const isTooLarge = (e: unknown) => (e as { kind?: unknown })?.kind === 'too-large';
