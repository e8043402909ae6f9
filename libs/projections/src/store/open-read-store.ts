import { MongoClient, type Db } from 'mongodb';
import { ALL_COLLECTIONS } from '../all-projections';
import { MongoReadStore } from './mongo-read-store';
import type { ReadStore } from './read-store';
import { SqliteReadStore } from './sqlite-read-store';

export interface ReadStoreOptions {
  kind: 'sqlite' | 'mongodb';
  sqlitePath: string;
  /** For `mongodb`: a database already connected (the store leaves closing it to its owner)… */
  db?: Db;
  /** …or where to connect. */
  mongodbUrl?: string;
  mongodbDb?: string;
  socketTimeoutMS?: number;
}

/** The read-model store the configuration names (VSOKO_READ_MODELS). */
export async function openReadStore(options: ReadStoreOptions): Promise<ReadStore> {
  if (options.kind === 'sqlite') return new SqliteReadStore(options.sqlitePath, ALL_COLLECTIONS);
  if (options.db) return new MongoReadStore(options.db);
  if (!options.mongodbUrl) throw new Error('MONGODB_URL не задан, а VSOKO_READ_MODELS=mongodb');
  const client = await MongoClient.connect(options.mongodbUrl, { socketTimeoutMS: options.socketTimeoutMS });
  return new MongoReadStore(client.db(options.mongodbDb), () => client.close());
}
