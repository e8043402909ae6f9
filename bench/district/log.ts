import type { EventMetadata } from '@vsoko/domain';
import { deterministicEventId } from '@vsoko/event-sourcing';
import {
  createEventStore,
  SqliteEventStore,
  type EventToAppend,
  type RecordedEvent,
} from '@vsoko/event-store';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { liveProcedure } from '../../test/integration/projections/support/school-years';

export const DISTRICT = 'district-bench';
const TEMPLATE = 'tmpl-school';

export const schoolId = (n: number): string => `school-${String(n).padStart(4, '0')}`;

/**
 * One template school's procedure lives, driven through the real decider into a scratch store (the lives of
 * test/integration/projections: on time, late, extended, overdue and escalated, cancelled, noted without
 * decisions), grouped by stream. Every other school's log is these events with the school's id in place of the
 * template's: the decider is deterministic and ids are opaque to it, so these are the events it would produce.
 */
export async function templateLives(dir: string, perSchool: number): Promise<RecordedEvent[][]> {
  const scratch = await createEventStore({ sqlitePath: join(dir, 'template.sqlite'), durability: 'normal' });
  try {
    for (let i = 0; i < perSchool; i++) await liveProcedure(scratch, TEMPLATE, i, DISTRICT);
    const streams = new Map<string, RecordedEvent[]>();
    for (const event of await scratch.readAll({ afterPosition: 0, maxCount: Number.MAX_SAFE_INTEGER })) {
      const list = streams.get(event.streamName) ?? [];
      list.push(event);
      streams.set(event.streamName, list);
    }
    return [...streams.values()];
  } finally {
    await scratch.close();
  }
}

/** Raise when the log's shape changes (ids, interleaving, what a school's copy holds). */
const LOG_FORMAT = 2;
/** Procedure lives per transaction: one commit per few hundred streams instead of one per stream. */
const APPENDS_PER_COMMIT = 250;

export interface DistrictLog {
  store: SqliteEventStore;
  /** Schools → the log's head position once they are all in it (the steps, in order). */
  ends: Map<number, number>;
  path: string;
  /** True when the file came whole from the cache. */
  cached: boolean;
}

/**
 * The district's log for these steps: schools 1…steps[0], then the next block up to steps[1]…, each block
 * interleaved procedure by procedure. Written once per set of parameters and kept in `cacheDir` (the template's
 * lives are hashed into the name, so a change of the decider writes a new one); a later run with the same
 * parameters opens the file as it is, one with more steps starts from the longest cached prefix of them.
 */
export async function districtLog(options: {
  cacheDir: string | null;
  workDir: string;
  lives: readonly RecordedEvent[][];
  perSchool: number;
  steps: readonly number[];
  log: (m: string) => void;
}): Promise<DistrictLog> {
  const { lives, steps, log } = options;
  const dir = options.cacheDir ?? options.workDir;
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256')
    .update(JSON.stringify(lives.map((l) => l.map(({ type, data, streamName }) => [streamName, type, data]))))
    .digest('hex')
    .slice(0, 12);
  const name = (k: number) =>
    join(dir, `district-log-v${LOG_FORMAT}-p${options.perSchool}-${hash}-s${steps.slice(0, k).join('-')}`);
  const meta = (k: number) => `${name(k)}.json`;
  const path = `${name(steps.length)}.sqlite`;
  let have = 0;
  if (options.cacheDir)
    for (let k = steps.length; k > 0; k--)
      if (existsSync(meta(k)) && existsSync(`${name(k)}.sqlite`)) {
        have = k;
        break;
      }
  const ends = new Map<number, number>();
  // A cached log of more steps that begins with these (10 → 100 inside 10 → 100 → 1,000) holds this district
  // as its first blocks: the steps measure up to their own ends, so it serves as it is.
  const longer = have === steps.length || !options.cacheDir ? null : longerCached(dir, name(steps.length));
  if (longer) {
    for (const [s, p] of JSON.parse(readFileSync(longer.meta, 'utf8')) as [number, number][])
      if (steps.includes(s)) ends.set(s, p);
    log(`log: ${longer.path} from the cache, its first ${steps.length} blocks`);
    return {
      store: new SqliteEventStore({ path: longer.path, durability: 'normal' }),
      ends,
      path: longer.path,
      cached: true,
    };
  }
  if (have === steps.length) {
    for (const [s, p] of JSON.parse(readFileSync(meta(have), 'utf8')) as [number, number][]) ends.set(s, p);
    log(`log: ${path} from the cache (${[...ends].map(([s, p]) => `${s} schools → ${p}`).join(', ')})`);
    return { store: new SqliteEventStore({ path, durability: 'normal' }), ends, path, cached: true };
  }
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  if (have > 0) {
    log(`log: starting from the cached ${steps.slice(0, have).join(' → ')} schools`);
    copyFileSync(`${name(have)}.sqlite`, partial);
    for (const [s, p] of JSON.parse(readFileSync(meta(have), 'utf8')) as [number, number][]) ends.set(s, p);
  }
  let store = new SqliteEventStore({ path: partial, durability: 'normal' });
  for (let k = have; k < steps.length; k++) {
    const from = k === 0 ? 1 : steps[k - 1] + 1;
    const started = Date.now();
    await appendSchools(store, lives, from, steps[k], (done, total) =>
      log(`log: ${done}/${total} procedure lives of schools ${from}…${steps[k]}`),
    );
    ends.set(steps[k], await store.headPosition());
    log(
      `log: ${steps[k]} schools, ${ends.get(steps[k])} events (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  await store.close();
  rmSync(`${partial}-wal`, { force: true });
  rmSync(`${partial}-shm`, { force: true });
  renameSync(partial, path);
  writeFileSync(meta(steps.length), JSON.stringify([...ends]));
  store = new SqliteEventStore({ path, durability: 'normal' });
  return { store, ends, path, cached: false };
}

/** A cached log whose steps start with those of `base` (`…-s10-100` → `…-s10-100-1000`). */
function longerCached(dir: string, base: string): { path: string; meta: string } | null {
  const prefix = `${basename(base)}-`;
  const found = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json') && /^[\d-]+$/.test(f.slice(prefix.length, -5)))
    .map((f) => join(dir, f.slice(0, -5)))
    .find((p) => existsSync(`${p}.sqlite`));
  return found ? { path: `${found}.sqlite`, meta: `${found}.json` } : null;
}

/**
 * Appends schools `from`…`to` (1-based, inclusive), interleaved procedure by procedure (the first procedure of
 * every school, then the second…), so the log's tail touches every school as a live district's would. Each
 * procedure's life is one stream appended with its expected revision and deterministic event ids, a few hundred
 * streams per transaction.
 */
export async function appendSchools(
  store: SqliteEventStore,
  lives: readonly RecordedEvent[][],
  from: number,
  to: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = lives.length * (to - from + 1);
  let done = 0;
  let pending: { streamName: string; events: EventToAppend[]; expectedRevision: 'no_stream' }[] = [];
  const flush = async () => {
    if (pending.length > 0) await store.appendStreams(pending);
    pending = [];
  };
  for (const life of lives) {
    const text = JSON.stringify(
      life.map(({ type, data, metadata }) => {
        const { $chain, ...rest } = metadata as Record<string, unknown>;
        void $chain;
        return { type, data, metadata: rest };
      }),
    );
    for (let n = from; n <= to; n++) {
      const copy = JSON.parse(text.replaceAll(TEMPLATE, schoolId(n))) as Pick<
        RecordedEvent,
        'type' | 'data' | 'metadata'
      >[];
      const streamName = life[0].streamName.replace(TEMPLATE, schoolId(n));
      pending.push({
        streamName,
        events: copy.map((e, i) => ({
          id: deterministicEventId(streamName, 'bench', i),
          type: e.type,
          data: e.data,
          metadata: e.metadata as EventMetadata,
        })),
        expectedRevision: 'no_stream',
      });
      if (pending.length >= APPENDS_PER_COMMIT) await flush();
      if (++done % 20_000 === 0) onProgress?.(done, total);
    }
  }
  await flush();
}
