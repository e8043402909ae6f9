import { SqliteEventStore } from './sqlite/sqlite-event-store';
import type { Durability } from './sqlite/schema';
import type { EventStore } from './port';

export interface EventStoreOptions {
  /** KurrentDB connection string (EVENTSTORE_URL); when absent, the embedded SQLite store is used. */
  url?: string;
  /** File of the embedded store; its directory is created. */
  sqlitePath: string;
  durability?: Durability;
}

export async function createEventStore(options: EventStoreOptions): Promise<EventStore> {
  if (options.url) {
    throw new Error('KurrentDB adapter is not available yet');
  }
  return new SqliteEventStore({ path: options.sqlitePath, durability: options.durability });
}
