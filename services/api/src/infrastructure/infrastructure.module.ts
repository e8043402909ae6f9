import { LocalBlobStore } from '@vsoko/blob-store';
import * as path from 'node:path';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Directory } from '@vsoko/accounts';
import { loadConfig, type VsokoConfig } from '@vsoko/config';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import { openReadStore, type ReadStore } from '@vsoko/projections';
import { ProcedureClient } from '@vsoko/workflows/procedure/client';
import { MongoClient, type Db } from 'mongodb';
import { systemClock, uuidGenerator } from './clock';
import {
  CLOCK,
  CONFIG,
  EVENT_STORE,
  ID_GENERATOR,
  MONGO_CLIENT,
  READ_DB,
  READ_STORE,
  TEMPORAL_CLIENT,
  TEMPORAL_CONNECTION,
  BLOB_STORE,
} from './tokens';

/** Connections to the real servers, made once at start-up and closed on shutdown. */
@Global()
@Module({
  providers: [
    { provide: CONFIG, useFactory: () => loadConfig() },
    {
      provide: TEMPORAL_CONNECTION,
      inject: [CONFIG],
      useFactory: (config: VsokoConfig) =>
        Connection.connect({ address: requireSetting(config.TEMPORAL_ADDRESS, 'TEMPORAL_ADDRESS') }),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, CONFIG],
      useFactory: (connection: Connection, config: VsokoConfig) =>
        new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    },
    {
      provide: ProcedureClient,
      inject: [TEMPORAL_CLIENT, EVENT_STORE],
      // With the log: a procedure a plan scheduled without its workflow gets one on its first command.
      useFactory: (client: Client, store: EventStore) => new ProcedureClient(client, store),
    },
    {
      provide: MONGO_CLIENT,
      inject: [CONFIG],
      useFactory: (config: VsokoConfig) =>
        MongoClient.connect(requireSetting(config.MONGODB_URL, 'MONGODB_URL'), {
          serverSelectionTimeoutMS: 5000,
        }),
    },
    {
      provide: READ_DB,
      inject: [MONGO_CLIENT, CONFIG],
      useFactory: (client: MongoClient, config: VsokoConfig) => client.db(config.MONGODB_DB),
    },
    { provide: Directory, inject: [READ_DB], useFactory: (db: Db) => new Directory(db) },
    {
      provide: READ_STORE,
      inject: [CONFIG, READ_DB],
      useFactory: (config: VsokoConfig, db: Db) =>
        openReadStore({ kind: config.VSOKO_READ_MODELS, sqlitePath: config.readModelsPath, db }),
    },
    {
      provide: EVENT_STORE,
      inject: [CONFIG],
      useFactory: (config: VsokoConfig) =>
        createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath }),
    },
    {
      provide: DeciderHandler,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new DeciderHandler(store),
    },
    {
      // <data dir>/blobs; an S3-compatible store implements the same port in production.
      provide: BLOB_STORE,
      inject: [CONFIG],
      useFactory: (config: VsokoConfig) => new LocalBlobStore(path.join(config.VSOKO_DATA_DIR, 'blobs')),
    },
    { provide: CLOCK, useValue: systemClock },
    { provide: ID_GENERATOR, useValue: uuidGenerator },
  ],
  exports: [
    CONFIG,
    TEMPORAL_CONNECTION,
    TEMPORAL_CLIENT,
    ProcedureClient,
    MONGO_CLIENT,
    READ_DB,
    READ_STORE,
    Directory,
    EVENT_STORE,
    DeciderHandler,
    BLOB_STORE,
    CLOCK,
    ID_GENERATOR,
  ],
})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
    @Inject(MONGO_CLIENT) private readonly mongo: MongoClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([
      this.temporal.close(),
      this.mongo.close(),
      this.store.close(),
      this.readStore.close(),
    ]);
  }
}

function requireSetting(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} не задан: укажите адрес сервера или запустите через npm start`);
  return value;
}

export type { Db };
