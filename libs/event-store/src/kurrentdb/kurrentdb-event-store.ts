import { EventEmitter } from 'node:events';
import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  START,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata } from '@vsoko/domain';
import { chainHash, CHAIN_KEY, withChain } from '../chain';
import { canonicalJson } from '../canonical-json';
import { InvalidAppend, WrongExpectedRevision } from '../errors';
import type {
  AppendResult,
  BatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeOptions,
  Subscription,
} from '../port';
import { pollingSubscription } from '../subscription/polling-subscription';
import {
  prepareBatch,
  validateExpectedRevision,
  validateStreamName,
  type PreparedEvent,
} from '../validation';
import { isStreamNotFound, mapAppendError } from './errors';

/** KurrentDB has no field for it, so the schema version travels in the metadata and is taken out on read. */
const SCHEMA_VERSION_KEY = '$schemaVersion';
/** Appends with 'any' / 'stream_exists' are pinned to the observed tail so the hash chain cannot fork; a racing writer means a retry. */
const PINNED_APPEND_ATTEMPTS = 5;

export interface KurrentDbEventStoreOptions {
  /** Connection string, e.g. `kurrentdb://localhost:2113?tls=false`. */
  url: string;
  /** How often a caught-up subscription reads $all again for appends made elsewhere. */
  pollIntervalMs?: number;
}

interface StoredEvent {
  id: string;
  revision: number;
  position: number;
  hash: string | null;
}

/**
 * The production adapter. Global positions are KurrentDB commit positions: strictly increasing but not
 * gap-free. Subscriptions poll $all like the embedded store's (with an immediate wake-up for appends made
 * through this process), which gives both adapters the same batching and caughtUpTo semantics.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly signal = new EventEmitter();
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number;

  constructor(options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.url);
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.signal.setMaxListeners(0);
  }

  async append(
    streamName: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const batch = prepareBatch(streamName, events);
    validateExpectedRevision(expectedRevision);
    const result =
      expectedRevision === 'any' || expectedRevision === 'stream_exists'
        ? await this.appendAtTail(streamName, batch, expectedRevision)
        : await this.appendAt(streamName, batch, expectedRevision);
    this.signal.emit('append');
    return result;
  }

  /** Numeric and 'no_stream' expectations: the server checks the place; we recognise retries first. */
  private async appendAt(
    streamName: string,
    batch: PreparedEvent[],
    expected: number | 'no_stream',
  ): Promise<AppendResult> {
    const before = expected === 'no_stream' ? -1 : expected;
    const around = await this.readStored(streamName, Math.max(before, 0), before < 0 ? 1 : 2);
    const previous = around.find((e) => e.revision === before);
    const next = around.find((e) => e.revision === before + 1);
    if (next && next.id === batch[0].id) {
      const retried = await this.alreadyAppended(streamName, batch, before + 1);
      if (retried) return retried;
    }
    return this.write(streamName, batch, expected, before, previous?.hash ?? null);
  }

  private async appendAtTail(
    streamName: string,
    batch: PreparedEvent[],
    expected: 'any' | 'stream_exists',
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const tail = await this.readTail(streamName, batch.length);
      const last = tail.length > 0 ? tail[tail.length - 1] : undefined;
      // With 'any', KurrentDB only promises best-effort idempotency; we recognise a retry while the batch is the tail.
      if (tail.length === batch.length && tail.every((e, i) => e.id === batch[i].id)) {
        return { nextExpectedRevision: last!.revision, position: last!.position };
      }
      if (expected === 'stream_exists' && !last) throw new WrongExpectedRevision(streamName, expected, -1);
      try {
        return await this.write(
          streamName,
          batch,
          last ? last.revision : 'no_stream',
          last?.revision ?? -1,
          last?.hash ?? null,
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= PINNED_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  private async write(
    streamName: string,
    batch: PreparedEvent[],
    expected: number | 'no_stream',
    before: number,
    prev: string | null,
  ): Promise<AppendResult> {
    const data = batch.map((event, i) => {
      const revision = before + 1 + i;
      const hash = chainHash({ ...event, streamName, revision, prev });
      const metadata = JSON.parse(withChain(event.metadataJson, { prev, hash })) as Record<string, unknown>;
      metadata[SCHEMA_VERSION_KEY] = event.schemaVersion;
      prev = hash;
      return jsonEvent({
        id: event.id,
        type: event.type,
        data: JSON.parse(event.dataJson) as JSONType,
        metadata: metadata as JSONType,
      });
    });
    const streamState: AppendStreamState = expected === 'no_stream' ? NO_STREAM : BigInt(expected);
    try {
      const result = await this.client.appendToStream(streamName, data, { streamState });
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        position: Number(result.position?.commit ?? -1),
      };
    } catch (error) {
      throw mapAppendError(error, streamName, expected);
    }
  }

  private async alreadyAppended(
    streamName: string,
    batch: PreparedEvent[],
    firstRevision: number,
  ): Promise<AppendResult | undefined> {
    const stored = await this.readStored(streamName, firstRevision, batch.length);
    if (stored.length !== batch.length || !stored.every((e, i) => e.id === batch[i].id)) return undefined;
    const last = stored[stored.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private async readStored(
    streamName: string,
    fromRevision: number,
    maxCount: number,
  ): Promise<StoredEvent[]> {
    const events = await this.readStream(streamName, { fromRevision, maxCount });
    return events.map(toStored);
  }

  private async readTail(streamName: string, maxCount: number): Promise<StoredEvent[]> {
    const events = await this.readStream(streamName, { direction: 'backwards', maxCount });
    return events.reverse().map(toStored);
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validateStreamName(streamName);
    const backwards = options.direction === 'backwards';
    const from =
      options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision);
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: from,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      })) {
        events.push(toRecorded(resolved));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.afterPosition ?? 0;
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    // fromPosition is inclusive; ours is exclusive, so one more is read and the event at `after` dropped.
    const fromPosition: Position | typeof START =
      after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START;
    const events: RecordedEvent[] = [];
    for await (const resolved of this.client.readAll({
      fromPosition,
      maxCount: after > 0 ? Math.min(maxCount + 1, Number.MAX_SAFE_INTEGER) : maxCount,
      filter: excludeSystemEvents(),
    })) {
      const event = toRecorded(resolved);
      if (event.position > after && events.length < maxCount) events.push(event);
    }
    return events;
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = pollingSubscription(
      {
        read: (afterPosition, maxCount) => this.readAll({ afterPosition, maxCount }),
        onAppend: (listener) => {
          this.signal.on('append', listener);
          return () => this.signal.off('append', listener);
        },
        pollIntervalMs: this.pollIntervalMs,
      },
      handler,
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      return toRecorded(resolved).position;
    }
    return 0;
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadata | null> {
    validateStreamName(streamName);
    try {
      const result = await this.client.getStreamMetadata(streamName);
      return (result.metadata as StreamMetadata | undefined) ?? null;
    } catch (error) {
      if (isStreamNotFound(error)) return null;
      throw error;
    }
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void> {
    validateStreamName(streamName);
    try {
      canonicalJson(metadata, 'metadata');
    } catch (error) {
      throw new InvalidAppend(
        'NOT_JSON',
        `Метаданные потока «${streamName}» нельзя сохранить: ${String(error)}.`,
      );
    }
    await this.client.setStreamMetadata(streamName, metadata);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}

function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('KurrentDB returned a link without its event');
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = (event.metadata ?? {}) as Record<
    string,
    unknown
  >;
  return {
    id: event.id,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: Number(event.position?.commit ?? resolved.commitPosition ?? -1),
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.data,
    metadata: metadata as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}

function toStored(event: RecordedEvent): StoredEvent {
  const chain = (event.metadata as Record<string, unknown>)[CHAIN_KEY] as { hash?: unknown } | undefined;
  return {
    id: event.id,
    revision: event.revision,
    position: event.position,
    hash: typeof chain?.hash === 'string' ? chain.hash : null,
  };
}
