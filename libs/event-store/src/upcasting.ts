import type { EventStore, RecordedEvent } from './port';

/** Raises one event's data from `fromVersion` to `fromVersion + 1`. Pure: it runs on every read. */
export type Upcaster = (data: unknown, event: RecordedEvent) => unknown;

/**
 * Schema evolution on read: stored events are never rewritten (that would break the hash chain), so
 * an event written as version 1 is raised step by step, v1 → v2 → v3, each time it is read.
 */
export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Upcaster>();

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    const key = `${type}@${fromVersion}`;
    if (this.upcasters.has(key)) throw new Error(`upcaster for ${type} v${fromVersion} is registered twice`);
    this.upcasters.set(key, upcast);
    return this;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    let current = event;
    for (;;) {
      const upcast = this.upcasters.get(`${current.type}@${current.schemaVersion}`);
      if (!upcast) return current;
      current = { ...current, data: upcast(current.data, current), schemaVersion: current.schemaVersion + 1 };
    }
  }
}

/** The same store, with every event it reads or delivers raised to its newest known version. */
export function withUpcasters(store: EventStore, registry: UpcasterRegistry): EventStore {
  const upcastAll = (events: RecordedEvent[]): RecordedEvent[] => events.map((e) => registry.upcast(e));
  return {
    append: (streamName, events, expected) => store.append(streamName, events, expected),
    readStream: async (streamName, options) => upcastAll(await store.readStream(streamName, options)),
    readAll: async (options) => upcastAll(await store.readAll(options)),
    subscribeToAll: (handler, options) =>
      store.subscribeToAll((events) => handler(upcastAll(events)), options),
    headPosition: () => store.headPosition(),
    getStreamMetadata: (streamName) => store.getStreamMetadata(streamName),
    setStreamMetadata: (streamName, metadata) => store.setStreamMetadata(streamName, metadata),
    close: () => store.close(),
  };
}
