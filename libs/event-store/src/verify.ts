import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { chainHash, CHAIN_KEY } from './chain';
import type { EventStore, RecordedEvent } from './port';

export type BreakReason =
  | 'REVISION_GAP'
  | 'PREV_MISMATCH'
  | 'HASH_MISMATCH'
  | 'CHAIN_MISSING'
  | 'POSITION_ORDER'
  | 'POSITION_GAP'
  | 'UNREADABLE';

export interface BrokenLink {
  ok: false;
  reason: BreakReason;
  /** Stream and revision of the first event that does not fit; absent when the log itself could not be read. */
  streamName?: string;
  revision?: number;
  position?: number;
  /** For people: what is wrong, in Russian. */
  message: string;
  /** Events checked before the break. */
  events: number;
}

export interface IntactLog {
  ok: true;
  events: number;
  streams: number;
  headPosition: number;
  /**
   * sha256 over every stream's last revision and hash. The chain cannot reveal events cut off a stream's end;
   * an auditor who keeps this seal and compares it next time can.
   */
  seal: string;
}

export type VerifyReport = IntactLog | BrokenLink;

export interface VerifyOptions {
  /** The embedded store numbers its log 1, 2, 3…; a missing number there means a deleted event. */
  gapFreePositions?: boolean;
  pageSize?: number;
}

interface StreamHead {
  revision: number;
  hash: string;
}

/** Walks the whole log, as stored (no upcasters), and reports the first event that breaks its stream's chain. */
export async function verify(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const pageSize = options.pageSize ?? 1000;
  const heads = new Map<string, StreamHead>();
  let position = 0;
  let count = 0;
  for (;;) {
    let page: RecordedEvent[];
    try {
      page = await store.readAll({ afterPosition: position, maxCount: pageSize });
    } catch (error) {
      return {
        ok: false,
        reason: 'UNREADABLE',
        events: count,
        message: `Журнал не читается после позиции ${position}: ${(error as Error).message}`,
      };
    }
    if (page.length === 0) break;
    for (const event of page) {
      const broken = check(event, position, heads.get(event.streamName), options);
      if (broken)
        return {
          ok: false,
          events: count,
          streamName: event.streamName,
          revision: event.revision,
          position: event.position,
          ...broken,
        };
      heads.set(event.streamName, { revision: event.revision, hash: chainOf(event)!.hash as string });
      position = event.position;
      count++;
    }
  }
  return { ok: true, events: count, streams: heads.size, headPosition: position, seal: seal(heads) };
}

/**
 * The same checks for one stream (a procedure's, say): what an auditor of one school may run. Positions must rise
 * along the stream; gaps between them belong to other streams and say nothing here.
 */
export async function verifyStream(store: EventStore, streamName: string): Promise<VerifyReport> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(streamName);
  } catch (error) {
    return {
      ok: false,
      reason: 'UNREADABLE',
      events: 0,
      message: `Поток «${streamName}» не читается: ${(error as Error).message}`,
    };
  }
  let head: StreamHead | undefined;
  let position = 0;
  for (const [count, event] of events.entries()) {
    const broken = check(event, position, head, {});
    if (broken)
      return {
        ok: false,
        events: count,
        streamName,
        revision: event.revision,
        position: event.position,
        ...broken,
      };
    head = { revision: event.revision, hash: chainOf(event)!.hash as string };
    position = event.position;
  }
  const heads = new Map(head ? [[streamName, head]] : []);
  return { ok: true, events: events.length, streams: heads.size, headPosition: position, seal: seal(heads) };
}

function check(
  event: RecordedEvent,
  previousPosition: number,
  head: StreamHead | undefined,
  options: VerifyOptions,
): { reason: BreakReason; message: string } | undefined {
  const at = `поток «${event.streamName}», версия ${event.revision}, позиция ${event.position}`;
  if (event.position <= previousPosition) {
    return {
      reason: 'POSITION_ORDER',
      message: `${at}: позиция не больше предыдущей (${previousPosition}).`,
    };
  }
  if (options.gapFreePositions && event.position !== previousPosition + 1) {
    return {
      reason: 'POSITION_GAP',
      message: `${at}: пропущены позиции ${previousPosition + 1}–${event.position - 1}, события удалены из журнала.`,
    };
  }
  const expectedRevision = head ? head.revision + 1 : 0;
  if (event.revision !== expectedRevision) {
    return {
      reason: 'REVISION_GAP',
      message: `${at}: ожидалась версия ${expectedRevision}; события удалены или переставлены.`,
    };
  }
  const chain = chainOf(event);
  if (!chain || typeof chain.hash !== 'string' || (chain.prev !== null && typeof chain.prev !== 'string')) {
    return { reason: 'CHAIN_MISSING', message: `${at}: в метаданных нет звена цепочки (${CHAIN_KEY}).` };
  }
  const expectedPrev = head ? head.hash : null;
  if (chain.prev !== expectedPrev) {
    return {
      reason: 'PREV_MISMATCH',
      message: `${at}: звено не ссылается на предыдущее событие потока; события удалены, вставлены или переставлены.`,
    };
  }
  if (recompute(event, expectedPrev) !== chain.hash) {
    return { reason: 'HASH_MISMATCH', message: `${at}: содержимое события изменено после записи.` };
  }
  return undefined;
}

function chainOf(event: RecordedEvent): { prev?: unknown; hash?: unknown } | undefined {
  const chain = (event.metadata as Record<string, unknown>)[CHAIN_KEY];
  return typeof chain === 'object' && chain !== null
    ? (chain as { prev?: unknown; hash?: unknown })
    : undefined;
}

function recompute(event: RecordedEvent, prev: string | null): string | undefined {
  try {
    const metadata: Record<string, unknown> = { ...event.metadata };
    delete metadata[CHAIN_KEY];
    return chainHash({
      streamName: event.streamName,
      revision: event.revision,
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      dataJson: canonicalJson(event.data),
      metadataJson: canonicalJson(metadata),
      prev,
    });
  } catch {
    return undefined;
  }
}

function seal(heads: Map<string, StreamHead>): string {
  const hash = createHash('sha256');
  for (const name of [...heads.keys()].sort()) {
    const head = heads.get(name)!;
    hash.update(`${name}\n${head.revision}\n${head.hash}\n`);
  }
  return hash.digest('hex');
}
