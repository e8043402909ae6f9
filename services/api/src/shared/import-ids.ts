import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';

/**
 * The id of an uploaded file's preview: 96 random bits (an import id is a capability, so it is never derived
 * from the file), found again for the same content through `keysCollection`, keyed by the content. Two uploads
 * of the same file at once: the first key written wins, and both get its id.
 */
export async function importIdFor(
  db: Db,
  keysCollection: string,
  prefix: string,
  contentKey: string,
): Promise<string> {
  const keys = db.collection<{ _id: string; importId: string }>(keysCollection);
  const known = await keys.findOne({ _id: contentKey });
  if (known) return known.importId;
  const importId = `${prefix}-${randomBytes(12).toString('hex')}`;
  try {
    await keys.insertOne({ _id: contentKey, importId });
    return importId;
  } catch (e) {
    if ((e as { code?: number }).code !== 11000) throw e;
    const winner = await keys.findOne({ _id: contentKey });
    if (!winner) throw e;
    return winner.importId;
  }
}
