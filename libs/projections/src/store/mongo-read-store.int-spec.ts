import { MongoClient } from 'mongodb';
import { readStoreContract } from '../../test/read-store-contract';
import { MongoReadStore } from './mongo-read-store';

// The MongoDB adapter against the real wire protocol available here: FerretDB, started by the integration setup.
let n = 0;
readStoreContract('MongoDB (FerretDB)', async () => {
  const client = await MongoClient.connect(process.env.MONGODB_URL!);
  const db = client.db(`vsoko_read_store_${process.pid}_${++n}`);
  return new MongoReadStore(db, async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });
});
