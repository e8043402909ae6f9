import type { VsokoConfig } from '@vsoko/config';
import { openReadStore, type ReadStore } from '@vsoko/projections';

// A request left hanging by the server (FerretDB v1 after a client was killed mid-write) fails after this long
// instead of stalling the projector; the batch is then retried from the checkpoint.
const SOCKET_TIMEOUT_MS = 15_000;

/** The read-model store VSOKO_READ_MODELS names: the data folder's SQLite file, or MONGODB_URL. */
export function readStoreFromConfig(config: VsokoConfig): Promise<ReadStore> {
  return openReadStore({
    kind: config.VSOKO_READ_MODELS,
    sqlitePath: config.readModelsPath,
    mongodbUrl: config.MONGODB_URL,
    mongodbDb: config.MONGODB_DB,
    socketTimeoutMS: SOCKET_TIMEOUT_MS,
  });
}
