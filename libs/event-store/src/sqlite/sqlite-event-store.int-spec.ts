import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event, events, streamName } from '../../test/fixtures';
import { startWriter } from '../../test/processes';
import type { RecordedEvent } from '../port';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'vsoko-es-sqlite-'));
let n = 0;
const newFile = (): string => join(dir, `${++n}`, 'events.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded SQLite event store', () => {
  it('numbers the global log 1, 2, 3… without gaps, also after rejected appends', async () => {
    const store = new SqliteEventStore({ path: newFile() });
    const a = streamName();
    await store.append(a, events(2), 'no_stream');
    await expect(store.append(a, [event()], 'no_stream')).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
    });
    await expect(store.append(a, [event(), event('T', { f: () => 1 })], 1)).rejects.toMatchObject({
      code: 'NOT_JSON',
    });
    await store.append(streamName(), events(3), 'no_stream');

    expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    expect(await store.headPosition()).toBe(5);
    await store.close();
  });

  it('appends several streams in one transaction: all land with their chains, or none when one is refused', async () => {
    const store = new SqliteEventStore({ path: newFile() });
    const [a, b, c] = [streamName(), streamName(), streamName()];
    const results = await store.appendStreams([
      { streamName: a, events: events(2), expectedRevision: 'no_stream' },
      { streamName: b, events: events(3), expectedRevision: 'no_stream' },
    ]);
    expect(results).toEqual([
      { nextExpectedRevision: 1, position: 2 },
      { nextExpectedRevision: 2, position: 5 },
    ]);
    await expect(
      store.appendStreams([
        { streamName: c, events: events(1), expectedRevision: 'no_stream' },
        { streamName: a, events: events(1), expectedRevision: 'no_stream' },
      ]),
    ).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION' });
    expect(await store.readStream(c)).toEqual([]);
    expect(await store.headPosition()).toBe(5);
    const chain = (await store.readStream(b)).map((e) => e.metadata.$chain as { prev: string | null });
    expect(chain[0].prev).toBeNull();
    expect(chain[1].prev).not.toBeNull();
    await store.close();
  });

  it('keeps its events when reopened', async () => {
    const file = newFile();
    const stream = streamName();
    const first = new SqliteEventStore({ path: file });
    await first.append(stream, events(3), 'no_stream');
    await first.close();

    const reopened = new SqliteEventStore({ path: file });
    await expect(reopened.append(stream, [event()], 2)).resolves.toEqual({
      nextExpectedRevision: 3,
      position: 4,
    });
    await reopened.close();
  });

  it('a subscription sees appends made by another process on the same file', async () => {
    const file = newFile();
    const reader = new SqliteEventStore({ path: file, pollIntervalMs: 50 });
    const seen: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll(async (batch) => {
      seen.push(...batch);
    });

    const writer = startWriter(file, { batches: 20, batchSize: 5, streams: 3 });
    expect(await writer.exited).toMatchObject({ code: 0 });
    await subscription.caughtUpTo(100);
    await reader.close();

    expect(seen.map((e) => e.position)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('two writing processes share one file: every append lands, the log stays gap-free', async () => {
    const file = newFile();
    const writers = [0, 1].map(() => startWriter(file, { batches: 40, batchSize: 5, streams: 2 }));
    const exits = await Promise.all(writers.map((w) => w.exited));

    const store = new SqliteEventStore({ path: file });
    const all = await store.readAll();
    await store.close();

    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    const acked = writers.flatMap((w) => w.acks.map((a) => a.position)).sort((x, y) => x - y);
    expect(acked).toEqual(Array.from({ length: 80 }, (_, i) => (i + 1) * 5));
  });

  it('a store in the same process wakes its subscriptions at once, without waiting for the poll', async () => {
    const store = new SqliteEventStore({ path: newFile(), pollIntervalMs: 60_000 });
    const subscription = store.subscribeToAll(async () => undefined);
    const { position } = await store.append(streamName(), [event()], 'no_stream');

    await expect(subscription.caughtUpTo(position)).resolves.toBeUndefined();
    await store.close();
  });
});
