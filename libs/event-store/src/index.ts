export * from './port';
export * from './errors';
export { STREAM_NAME_PATTERN, EVENT_TYPE_PATTERN, MAX_EVENT_BYTES } from './validation';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export type { Durability } from './sqlite/schema';
export { createEventStore, type EventStoreOptions } from './factory';
