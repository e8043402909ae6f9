import type Database from 'better-sqlite3';

/**
 * `position` is the rowid, assigned explicitly as head + 1 inside the writer's BEGIN IMMEDIATE transaction,
 * so the global log is gap-free from 1 (a rolled-back batch leaves no hole, unlike AUTOINCREMENT).
 * Data and metadata are the canonical JSON strings the hash chain was computed over.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  stream_name TEXT NOT NULL,
  revision INTEGER NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_name, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_id ON events (stream_name, id);
CREATE TABLE IF NOT EXISTS stream_metadata (
  stream_name TEXT PRIMARY KEY,
  metadata TEXT NOT NULL
) STRICT;
`;

/**
 * Durability of an acknowledged append.
 * - 'full' (default): synchronous=FULL, the WAL is fsynced at every commit; an acknowledged append
 *   survives a process kill and a power cut. Costs one fsync per append.
 * - 'normal': synchronous=NORMAL, fsync only at checkpoints; survives a process kill (the WAL is in the
 *   OS page cache) but a power cut or kernel crash can lose the last acknowledged appends (never corrupt).
 * See docs/adr/0002-embedded-event-store.md for the measured difference.
 */
export type Durability = 'full' | 'normal';

export function openSchema(db: Database.Database, durability: Durability, busyTimeoutMs: number): void {
  // busy_timeout first: switching to WAL and creating tables need the write lock another process may hold.
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.transaction(() => db.exec(SCHEMA)).immediate();
}
