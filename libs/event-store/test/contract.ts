/// <reference types="jest" />
import { Conflict, ValidationFailed } from '@vsoko/domain';
import type { EventStore, RecordedEvent } from '../src/port';
import { event, events, metadata, streamName } from './fixtures';

/**
 * What every EventStore adapter promises. Each test uses fresh stream names and positions relative to the
 * head, so the suite also runs against a shared KurrentDB server that already holds other events.
 */
export function eventStoreContract(name: string, createStore: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('append and read a stream', () => {
      it('stores a new stream and returns its revisions, position and data', async () => {
        const stream = streamName();
        const batch = [
          event('ProcedureScheduled', { title: 'ВСОКО 2025', stages: [1, 2] }),
          event('StageStarted'),
        ];

        const result = await store.append(stream, batch, 'no_stream');
        const read = await store.readStream(stream);

        expect(result.nextExpectedRevision).toBe(1);
        expect(read.map((e) => [e.id, e.type, e.revision])).toEqual([
          [batch[0].id, 'ProcedureScheduled', 0],
          [batch[1].id, 'StageStarted', 1],
        ]);
        expect(read[0]).toMatchObject({
          streamName: stream,
          schemaVersion: 1,
          data: { title: 'ВСОКО 2025', stages: [1, 2] },
          metadata,
        });
        expect(read[1].position).toBe(result.position);
        expect(read[0].position).toBeLessThan(read[1].position);
        expect(Date.parse(read[0].recordedAt)).not.toBeNaN();
      });

      it('reads backwards, from a revision, and at most maxCount events', async () => {
        const stream = streamName();
        await store.append(stream, events(5), 'no_stream');

        const backwards = await store.readStream(stream, { direction: 'backwards', maxCount: 2 });
        const fromTwo = await store.readStream(stream, { fromRevision: 2, maxCount: 2 });
        const backFromOne = await store.readStream(stream, { direction: 'backwards', fromRevision: 1 });

        expect(backwards.map((e) => e.revision)).toEqual([4, 3]);
        expect(fromTwo.map((e) => e.revision)).toEqual([2, 3]);
        expect(backFromOne.map((e) => e.revision)).toEqual([1, 0]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(streamName())).toEqual([]);
      });

      it('keeps the schema version given with the event', async () => {
        const stream = streamName();
        await store.append(stream, [{ ...event(), schemaVersion: 3 }], 'no_stream');
        expect((await store.readStream(stream))[0].schemaVersion).toBe(3);
      });
    });

    describe('expected revision', () => {
      it("'no_stream' fails once the stream exists", async () => {
        const stream = streamName();
        await store.append(stream, [event()], 'no_stream');

        const attempt = store.append(stream, [event()], 'no_stream');

        await expect(attempt).rejects.toBeInstanceOf(Conflict);
        await expect(attempt).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION', actual: 0 });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it("'stream_exists' fails on a missing stream and passes on an existing one", async () => {
        const stream = streamName();
        await expect(store.append(stream, [event()], 'stream_exists')).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          actual: -1,
        });
        await store.append(stream, [event()], 'no_stream');
        await expect(store.append(stream, [event()], 'stream_exists')).resolves.toMatchObject({
          nextExpectedRevision: 1,
        });
      });

      it('a number must be the revision of the last event', async () => {
        const stream = streamName();
        await store.append(stream, events(2), 'no_stream');

        await expect(store.append(stream, [event()], 0)).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          expected: 0,
          actual: 1,
        });
        await expect(store.append(stream, [event()], 1)).resolves.toMatchObject({ nextExpectedRevision: 2 });
      });

      it("'any' appends wherever the stream stands", async () => {
        const stream = streamName();
        await store.append(stream, [event()], 'any');
        await store.append(stream, [event()], 'any');
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
      });

      it('of two writers expecting the same revision, exactly one wins', async () => {
        const stream = streamName();
        await store.append(stream, [event()], 'no_stream');

        const results = await Promise.allSettled([
          store.append(stream, [event()], 0),
          store.append(stream, [event()], 0),
        ]);

        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(
          results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason),
        ).toEqual([expect.objectContaining({ code: 'WRONG_EXPECTED_REVISION' })]);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('idempotent appends', () => {
      it('a retried batch returns the first result and writes nothing', async () => {
        const stream = streamName();
        const batch = events(3);
        const first = await store.append(stream, batch, 'no_stream');
        await store.append(stream, [event()], 2);

        const retried = await store.append(stream, batch, 'no_stream');

        expect(retried).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(4);
      });

      it('a retry with a numeric expectation or with any returns the first result', async () => {
        const stream = streamName();
        await store.append(stream, [event()], 'no_stream');
        const batch = events(2);
        const first = await store.append(stream, batch, 0);

        expect(await store.append(stream, batch, 0)).toEqual(first);
        expect(await store.append(stream, batch, 'any')).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('the same ids at another place are a conflict, not a retry', async () => {
        const stream = streamName();
        const batch = events(2);
        await store.append(stream, batch, 'no_stream');
        await store.append(stream, [event()], 1);

        await expect(store.append(stream, batch, 2)).rejects.toBeInstanceOf(Conflict);
        expect(await store.readStream(stream)).toHaveLength(3);
      });
    });

    describe('the global log', () => {
      it('reads every stream in commit order, after an exclusive position', async () => {
        const head = await store.headPosition();
        const a = streamName();
        const b = streamName();
        await store.append(a, events(2), 'no_stream');
        await store.append(b, events(1), 'no_stream');
        await store.append(a, events(1), 1);

        const all = await store.readAll({ afterPosition: head });
        const mine = all.filter((e) => e.streamName === a || e.streamName === b);

        expect(mine.map((e) => [e.streamName, e.revision])).toEqual([
          [a, 0],
          [a, 1],
          [b, 0],
          [a, 2],
        ]);
        expectIncreasing(all);
        expect(await store.headPosition()).toBe(all[all.length - 1].position);

        const afterSecond = await store.readAll({ afterPosition: mine[1].position, maxCount: 1 });
        expect(afterSecond.map((e) => e.id)).toEqual([mine[2].id]);
      });
    });

    describe('catch-up subscription', () => {
      it('delivers history after the checkpoint, then live appends, in order', async () => {
        const stream = streamName();
        await store.append(stream, events(3), 'no_stream');
        const [, second] = await store.readStream(stream, { maxCount: 2 });
        const seen: RecordedEvent[] = [];

        const subscription = store.subscribeToAll(
          async (batch) => {
            seen.push(...batch.filter((e) => e.streamName === stream));
          },
          { afterPosition: second.position, batchSize: 2 },
        );
        const live = await store.append(stream, events(4), 2);
        await subscription.caughtUpTo(live.position);
        await subscription.stop();

        expect(seen.map((e) => e.revision)).toEqual([2, 3, 4, 5, 6]);
        await expect(subscription.done).resolves.toBeUndefined();
      });

      it('caughtUpTo resolves at once for positions already handled', async () => {
        const stream = streamName();
        const { position } = await store.append(stream, [event()], 'no_stream');
        const subscription = store.subscribeToAll(async () => undefined, { afterPosition: position });

        await expect(subscription.caughtUpTo(position)).resolves.toBeUndefined();
        await subscription.stop();
      });

      it('stop() ends it: done resolves and a pending caughtUpTo rejects with a typed error', async () => {
        const head = await store.headPosition();
        const subscription = store.subscribeToAll(async () => undefined, { afterPosition: head });
        const pending = subscription.caughtUpTo(head + 1_000_000);

        await subscription.stop();

        await expect(pending).rejects.toMatchObject({ code: 'SUBSCRIPTION_STOPPED' });
        await expect(subscription.done).resolves.toBeUndefined();
      });

      it("ends with the handler's error, and so do pending caughtUpTo calls", async () => {
        const head = await store.headPosition();
        const stream = streamName();
        const subscription = store.subscribeToAll(
          async () => {
            throw new Error('проекция упала');
          },
          { afterPosition: head },
        );
        const { position } = await store.append(stream, [event()], 'no_stream');

        await expect(subscription.caughtUpTo(position)).rejects.toThrow('проекция упала');
        await expect(subscription.done).rejects.toThrow('проекция упала');
      });
    });

    describe('stream metadata', () => {
      it('is null until set, then what was set', async () => {
        const stream = streamName();
        expect(await store.getStreamMetadata(stream)).toBeNull();
        await store.setStreamMetadata(stream, { school: 'school-1', retention: { years: 5 } });
        expect(await store.getStreamMetadata(stream)).toEqual({
          school: 'school-1',
          retention: { years: 5 },
        });
      });
    });

    describe('bad input is refused with a typed error and writes nothing', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const cases: [string, () => Parameters<EventStore['append']>, string][] = [
        ['an empty stream name', () => ['', [event()], 'any'], 'INVALID_STREAM_NAME'],
        ['a $ stream name', () => ['$procedure-1', [event()], 'any'], 'INVALID_STREAM_NAME'],
        ['a 201-character stream name', () => ['p'.repeat(201), [event()], 'any'], 'INVALID_STREAM_NAME'],
        ['an empty batch', () => [streamName(), [], 'any'], 'EMPTY_APPEND'],
        [
          'an id that is not a UUID',
          () => [streamName(), [{ ...event(), id: 'event-1' }], 'any'],
          'INVALID_EVENT_ID',
        ],
        ['a negative expected revision', () => [streamName(), [event()], -1], 'INVALID_EXPECTED_REVISION'],
        ['a function in data', () => [streamName(), [event('T', { f: () => 1 })], 'any'], 'NOT_JSON'],
        ['a BigInt in data', () => [streamName(), [event('T', { n: BigInt(1) })], 'any'], 'NOT_JSON'],
        ['a cycle in data', () => [streamName(), [event('T', cyclic)], 'any'], 'NOT_JSON'],
        ['undefined data', () => [streamName(), [{ ...event(), data: undefined }], 'any'], 'NOT_JSON'],
        ['NaN in data', () => [streamName(), [event('T', { n: NaN })], 'any'], 'NOT_JSON'],
        ['a Date object in data', () => [streamName(), [event('T', { at: new Date(0) })], 'any'], 'NOT_JSON'],
        [
          'an event over 1 MiB',
          () => [streamName(), [event('T', { text: 'я'.repeat(600 * 1024) })], 'any'],
          'EVENT_TOO_LARGE',
        ],
        [
          'the same id twice in a batch',
          () => {
            const e = event();
            return [streamName(), [e, { ...e }], 'any'];
          },
          'DUPLICATE_ID_IN_BATCH',
        ],
        [
          'a reserved $chain metadata key',
          () => [streamName(), [{ ...event(), metadata: { ...metadata, $chain: 'x' } }], 'any'],
          'RESERVED_METADATA',
        ],
      ];

      it.each(cases)('%s', async (_title, input, code) => {
        const head = await store.headPosition();
        const args = input();
        const attempt = store.append(...args);

        await expect(attempt).rejects.toBeInstanceOf(ValidationFailed);
        await expect(attempt).rejects.toMatchObject({ code, message: expect.stringMatching(/[а-яё]/i) });
        expect(await store.headPosition()).toBe(head);
      });

      it('a bad event anywhere in the batch leaves the whole batch unwritten', async () => {
        const stream = streamName();
        const attempt = store.append(stream, [event(), event('T', { f: () => 1 })], 'no_stream');
        await expect(attempt).rejects.toMatchObject({ code: 'NOT_JSON' });
        expect(await store.readStream(stream)).toEqual([]);
      });
    });
  });
}

function expectIncreasing(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) expect(events[i].position).toBeGreaterThan(events[i - 1].position);
}
