import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import type { EventStore } from './port';
import type { Durability } from './sqlite/schema';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { withUpcasters, type UpcasterRegistry } from './upcasting';

export interface EventStoreOptions {
  /** KurrentDB connection string (EVENTSTORE_URL); when absent, the embedded SQLite store is used. */
  url?: string;
  /** File of the embedded store; its directory is created. */
  sqlitePath: string;
  durability?: Durability;
  /** Applied to every event read; leave out for audits, which must see events exactly as stored. */
  upcasters?: UpcasterRegistry;
}

export async function createEventStore(options: EventStoreOptions): Promise<EventStore> {
  const store: EventStore = options.url
    ? new KurrentDbEventStore({ url: options.url })
    : new SqliteEventStore({ path: options.sqlitePath, durability: options.durability });
  return options.upcasters ? withUpcasters(store, options.upcasters) : store;
}
