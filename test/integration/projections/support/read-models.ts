import { ALL_COLLECTIONS } from '@vsoko/projections';
import type { Db, Document } from 'mongodb';

/** Every read-model document, by collection, ordered by id: what two runs must agree on. */
export async function dumpReadModels(db: Db): Promise<Record<string, Document[]>> {
  const dump: Record<string, Document[]> = {};
  for (const collection of new Set(ALL_COLLECTIONS.map((c) => c.collection))) {
    dump[collection] = await db.collection(collection).find({}).sort({ _id: 1 }).toArray();
  }
  return dump;
}
