import type { EventMetadata } from '@vsoko/domain';
import { deterministicEventId } from '@vsoko/event-sourcing';
import { createEventStore, type EventStore, type RecordedEvent } from '@vsoko/event-store';
import { join } from 'node:path';
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

/**
 * Appends schools `from`…`to` (1-based, inclusive), interleaved procedure by procedure (the first procedure of
 * every school, then the second…), so the log's tail touches every school as a live district's would. Each
 * procedure's life is one append with its stream's expected revision and deterministic event ids.
 */
export async function appendSchools(
  store: EventStore,
  lives: readonly RecordedEvent[][],
  from: number,
  to: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = lives.length * (to - from + 1);
  let done = 0;
  for (const life of lives) {
    const text = JSON.stringify(life.map(({ type, data, metadata }) => ({ type, data, metadata })));
    for (let n = from; n <= to; n++) {
      const copy = JSON.parse(text.replaceAll(TEMPLATE, schoolId(n))) as Pick<
        RecordedEvent,
        'type' | 'data' | 'metadata'
      >[];
      const stream = life[0].streamName.replace(TEMPLATE, schoolId(n));
      await store.append(
        stream,
        copy.map((e, i) => {
          const { $chain, ...metadata } = e.metadata as Record<string, unknown>;
          void $chain;
          return {
            id: deterministicEventId(stream, 'bench', i),
            type: e.type,
            data: e.data,
            metadata: metadata as EventMetadata,
          };
        }),
        'no_stream',
      );
      if (++done % 5_000 === 0) onProgress?.(done, total);
    }
  }
}
