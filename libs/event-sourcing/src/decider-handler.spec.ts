import { DomainRuleViolation, type CommandContext, type Decider, type DomainEvent } from '@vsoko/domain';
import { SqliteEventStore, WrongExpectedRevision, type EventStore } from '@vsoko/event-store';
import { DeciderHandler } from './decider-handler';
import { deterministicEventId } from './event-ids';

/* A tiny aggregate, so that each rule of the handler shows on its own: seats booked up to a capacity. */
type Booked = DomainEvent<'SeatsBooked', { seats: number }>;
type Book = { type: 'BookSeats'; data: { seats: number } };
const capacity = 10;
const hall: Decider<Book, Booked, { taken: number }> = {
  initialState: { taken: 0 },
  evolve: (state, event) => ({ taken: state.taken + event.data.seats }),
  decide: (command, state) => {
    if (command.data.seats === 0) return [];
    if (state.taken + command.data.seats > capacity)
      throw new DomainRuleViolation('HALL_FULL', `Свободно мест: ${capacity - state.taken}`);
    return [{ type: 'SeatsBooked', data: { seats: command.data.seats } }];
  },
};
const book = (seats: number): Book => ({ type: 'BookSeats', data: { seats } });

const stream = 'hall-1';
const ctx = (commandId: string): CommandContext => ({
  commandId,
  actor: { id: 'deputy-1', kind: 'user', role: 'deputy' },
  issuedAt: '2026-09-01T09:00:00.000Z',
  correlationId: `corr-${commandId}`,
  causationId: `cause-${commandId}`,
  schoolId: 'school-1',
});

/** The real embedded store, with a hook that lets another writer in right after the handler has read. */
function storeWithRace(store: EventStore) {
  let racer: (() => Promise<unknown>) | undefined;
  const raced = new Proxy(store, {
    get(target, prop) {
      if (prop === 'readStream') {
        return async (...args: Parameters<EventStore['readStream']>) => {
          const events = await target.readStream(...args);
          const run = racer;
          racer = undefined;
          if (run) await run();
          return events;
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { raced, nextReadRacedBy: (run: () => Promise<unknown>) => (racer = run) };
}

describe('DeciderHandler', () => {
  let store: SqliteEventStore;
  let handler: DeciderHandler;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    handler = new DeciderHandler(store);
  });
  afterEach(() => store.close());

  const types = async () =>
    (await store.readStream(stream)).map((e) => `${e.type}:${(e.data as Booked['data']).seats}`);

  describe('a new stream', () => {
    it('records the decided events with ids from the command, the context as metadata and the state folded', async () => {
      const result = await handler.handle(stream, hall, book(3), ctx('c1'));

      expect(result).toMatchObject({ revision: 0, state: { taken: 3 }, replayed: false });
      expect(result.events).toEqual([{ type: 'SeatsBooked', data: { seats: 3 } }]);
      const [event] = await store.readStream(stream);
      expect(event.id).toBe(deterministicEventId(stream, 'c1', 0));
      expect(event.position).toBe(result.position);
      expect(event.metadata).toMatchObject({
        actor: { id: 'deputy-1' },
        occurredAt: '2026-09-01T09:00:00.000Z',
        correlationId: 'corr-c1',
        causationId: 'cause-c1',
        schoolId: 'school-1',
      });
    });

    it('writes nothing when the decider has nothing to add', async () => {
      const result = await handler.handle(stream, hall, book(0), ctx('c1'));

      expect(result).toMatchObject({ revision: -1, position: 0, events: [], replayed: false });
      expect(await store.readStream(stream)).toEqual([]);
    });
  });

  describe('a stream with history', () => {
    beforeEach(async () => {
      await handler.handle(stream, hall, book(4), ctx('c1'));
    });

    it('folds it before deciding, so a rule sees every earlier event', async () => {
      await expect(handler.handle(stream, hall, book(7), ctx('c2'))).rejects.toMatchObject({
        code: 'HALL_FULL',
        message: 'Свободно мест: 6',
      });
      expect(await types()).toEqual(['SeatsBooked:4']);
    });

    it('answers a repeated command id with the first outcome and writes nothing again', async () => {
      const first = await handler.handle(stream, hall, book(2), ctx('c2'));
      await handler.handle(stream, hall, book(1), ctx('c3'));

      const again = await handler.handle(stream, hall, book(2), ctx('c2'));

      expect(again).toMatchObject({ replayed: true, revision: first.revision, position: first.position });
      expect(again.events).toEqual(first.events);
      expect(again.state).toEqual({ taken: 7 });
      expect(await types()).toEqual(['SeatsBooked:4', 'SeatsBooked:2', 'SeatsBooked:1']);
    });

    it('replays a repeated command id even when the rules would now refuse it', async () => {
      await handler.handle(stream, hall, book(6), ctx('c2'));

      const again = await handler.handle(stream, hall, book(6), ctx('c2'));

      expect(again).toMatchObject({ replayed: true, revision: 1 });
    });

    it('takes the command when the caller saw the current revision', async () => {
      const result = await handler.handle(stream, hall, book(1), ctx('c2'), { expectedRevision: 0 });

      expect(result.revision).toBe(1);
    });

    it('refuses the command with REVISION_MISMATCH when the caller saw an older revision', async () => {
      await handler.handle(stream, hall, book(1), ctx('c2'));

      await expect(
        handler.handle(stream, hall, book(1), ctx('c3'), { expectedRevision: 0 }),
      ).rejects.toMatchObject({
        kind: 'conflict',
        code: 'REVISION_MISMATCH',
        details: { expected: 0, current: 1 },
      });
      expect(await types()).toEqual(['SeatsBooked:4', 'SeatsBooked:1']);
    });

    it('lets the command id depend on the stream as it was read', async () => {
      const result = await handler.handle(stream, hall, book(1), (loaded) =>
        ctx(`book-at-${loaded.revision}`),
      );

      expect((await store.readStream(stream))[1].id).toBe(deterministicEventId(stream, 'book-at-0', 0));
      expect(result.revision).toBe(1);
    });

    it('adds the extra metadata the caller derives from the stream', async () => {
      await handler.handle(stream, hall, book(1), ctx('c2'), {
        metadata: (loaded) => ({ firstBooking: loaded.revision < 0 }),
      });

      expect((await store.readStream(stream))[1].metadata).toMatchObject({
        firstBooking: false,
        actor: { id: 'deputy-1' },
      });
    });
  });

  describe('another writer appends between the read and the append', () => {
    let race: ReturnType<typeof storeWithRace>;
    beforeEach(async () => {
      await handler.handle(stream, hall, book(4), ctx('c1'));
      race = storeWithRace(store);
      handler = new DeciderHandler(race.raced);
    });
    const other = (seats: number) => () =>
      new DeciderHandler(store).handle(stream, hall, book(seats), ctx('other'));

    it('fails with the store conflict by default, and writes nothing of its own', async () => {
      race.nextReadRacedBy(other(1));

      await expect(handler.handle(stream, hall, book(2), ctx('c2'))).rejects.toBeInstanceOf(
        WrongExpectedRevision,
      );
      expect(await types()).toEqual(['SeatsBooked:4', 'SeatsBooked:1']);
    });

    it('decides again on the fresh stream when the command allows retries', async () => {
      race.nextReadRacedBy(other(1));

      const result = await handler.handle(stream, hall, book(2), ctx('c2'), { retries: 1 });

      expect(result).toMatchObject({ revision: 2, state: { taken: 7 }, replayed: false });
      expect(await types()).toEqual(['SeatsBooked:4', 'SeatsBooked:1', 'SeatsBooked:2']);
    });

    it('reports the rule when the fresh stream no longer allows the command', async () => {
      race.nextReadRacedBy(other(5));

      await expect(handler.handle(stream, hall, book(2), ctx('c2'), { retries: 3 })).rejects.toMatchObject({
        code: 'HALL_FULL',
      });
      expect(await types()).toEqual(['SeatsBooked:4', 'SeatsBooked:5']);
    });

    it('never retries a command made against a revision the caller saw', async () => {
      race.nextReadRacedBy(other(1));

      await expect(
        handler.handle(stream, hall, book(2), ctx('c2'), { expectedRevision: 0, retries: 3 }),
      ).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect(await types()).toEqual(['SeatsBooked:4', 'SeatsBooked:1']);
    });

    it('finds its own events on the retry when an earlier attempt of the same command got in meanwhile', async () => {
      race.nextReadRacedBy(async () => {
        await other(1)();
        await new DeciderHandler(store).handle(stream, hall, book(2), ctx('c2'));
      });

      const result = await handler.handle(stream, hall, book(2), ctx('c2'), { retries: 1 });

      expect(result).toMatchObject({ replayed: true, revision: 2, state: { taken: 7 } });
      expect(await types()).toEqual(['SeatsBooked:4', 'SeatsBooked:1', 'SeatsBooked:2']);
    });
  });

  describe('several streams at once (handleMany)', () => {
    const halls = ['hall-a', 'hall-b', 'hall-c'];
    const seatsIn = async (name: string) =>
      (await store.readStream(name)).map((e) => (e.data as Booked['data']).seats);

    it('decides each on its own stream and appends them in one transaction; a refusal is its own outcome', async () => {
      await handler.handle('hall-b', hall, book(9), ctx('b0'));
      const head = await store.headPosition();

      const out = await handler.handleMany(
        hall,
        halls.map((streamName, i) => ({ streamName, command: book(2), context: ctx(`many-${i}`) })),
      );

      expect(out[0]).toMatchObject({ revision: 0, state: { taken: 2 }, replayed: false });
      expect(out[1]).toMatchObject({ error: { code: 'HALL_FULL' } });
      expect(out[2]).toMatchObject({ revision: 0, state: { taken: 2 }, replayed: false });
      expect(await store.headPosition()).toBe(head + 2);
      expect((await store.readStream('hall-a'))[0].id).toBe(deterministicEventId('hall-a', 'many-0', 0));

      const again = await handler.handleMany(
        hall,
        halls.map((streamName, i) => ({ streamName, command: book(2), context: ctx(`many-${i}`) })),
      );
      expect(again[0]).toMatchObject({ replayed: true, revision: 0 });
      expect(await store.headPosition()).toBe(head + 2);
    });

    it('handles the batch command by command when another writer got in, deciding on the fresh stream', async () => {
      const race = storeWithRace(store);
      const racing = new DeciderHandler(race.raced);
      race.nextReadRacedBy(() => new DeciderHandler(store).handle('hall-a', hall, book(1), ctx('other')));

      const out = await racing.handleMany(
        hall,
        halls.map((streamName, i) => ({ streamName, command: book(3), context: ctx(`race-${i}`) })),
      );

      expect(out.map((o) => ('error' in o ? 'error' : o.revision))).toEqual([1, 0, 0]);
      expect(await seatsIn('hall-a')).toEqual([1, 3]);
      expect(await seatsIn('hall-c')).toEqual([3]);
    });
  });

  describe('append of events decided elsewhere', () => {
    it('writes a repeated append of the same command at the same place once', async () => {
      const events = [{ type: 'SeatsBooked', data: { seats: 1 } }];
      const first = await handler.append(stream, events, ctx('w1'), { expectedRevision: -1 });
      const again = await handler.append(stream, events, ctx('w1'), { expectedRevision: -1 });

      expect(again).toEqual(first);
      expect(first.eventIds).toEqual([deterministicEventId(stream, 'w1', 0)]);
      expect(await types()).toEqual(['SeatsBooked:1']);
    });

    it("appends at the stream's end with 'any', with the extra metadata", async () => {
      await handler.append(stream, [{ type: 'SeatsBooked', data: { seats: 1 } }], ctx('w1'), {
        expectedRevision: 'any',
      });
      const second = await handler.append(stream, [{ type: 'SeatsBooked', data: { seats: 2 } }], ctx('w2'), {
        expectedRevision: 'any',
        metadata: { sourceId: 'feed-1' },
      });

      expect(second.revision).toBe(1);
      expect((await store.readStream(stream))[1].metadata).toMatchObject({
        sourceId: 'feed-1',
        schoolId: 'school-1',
      });
    });
  });

  describe('load', () => {
    it('folds only the events the caller includes, with their revision and position', async () => {
      await handler.handle(stream, hall, book(1), ctx('c1'));
      const second = await handler.handle(stream, hall, book(2), ctx('c2'));
      await handler.handle(stream, hall, book(3), ctx('c3'));

      const loaded = await handler.load(stream, hall, { include: (e) => e.revision <= 1 });

      expect(loaded).toMatchObject({ state: { taken: 3 }, revision: 1, position: second.position });
      expect(loaded.recorded).toHaveLength(2);
    });

    it('gives the initial state, revision -1 and position 0 for a stream that does not exist', async () => {
      expect(await handler.load('hall-none', hall)).toMatchObject({
        state: { taken: 0 },
        revision: -1,
        position: 0,
        recorded: [],
      });
    });
  });
});
