import type { EventMetadata } from '@vsoko/domain';

/**
 * Where a stream must stand for an append to go through:
 * - 'no_stream': the stream must not exist yet;
 * - 'stream_exists': it must have at least one event;
 * - 'any': no check;
 * - a number: the revision (0-based) of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface EventToAppend {
  /** A UUID. Deterministic ids make a retried append harmless: the same ids at the same place are not written twice. */
  id: string;
  type: string;
  /** Version of the data's shape; upcasters raise older versions on read. Defaults to 1. */
  schemaVersion?: number;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamName: string;
  /** 0-based place of the event in its stream. */
  revision: number;
  /** Place in the global log; strictly increasing. The embedded store's positions are also gap-free from 1. */
  position: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  /** When the store committed it (ISO-8601). */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start; defaults to the first (forwards) or last (backwards) event. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. 0 (the default) reads from the beginning. */
  afterPosition?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint, as stored by the subscriber. */
  afterPosition?: number;
  /** Largest batch handed to the handler at once. */
  batchSize?: number;
}

/** A running catch-up subscription: reads history from the checkpoint, then follows live appends. */
export interface Subscription {
  /** Resolves when the handler has seen every event up to `position`. */
  caughtUpTo(position: number): Promise<void>;
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop(), rejects with the handler's or the store's error. */
  readonly done: Promise<void>;
}

export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface StreamMetadata {
  [key: string]: unknown;
}

export interface EventStore {
  append(
    streamName: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  /** Position of the last event in the global log, 0 when empty. */
  headPosition(): Promise<number>;
  getStreamMetadata(streamName: string): Promise<StreamMetadata | null>;
  setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void>;
  close(): Promise<void>;
}
