import {
  Conflict,
  metadataFor,
  type CommandContext,
  type Decider,
  type DomainEvent,
  type EventMetadata,
} from '@vsoko/domain';
import {
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '@vsoko/event-store';
import { deterministicEventId } from './event-ids';

/** A stream folded with its aggregate's `evolve`. */
export interface Loaded<State> {
  streamName: string;
  state: State;
  /** Revision of the last event folded, -1 when none was. */
  revision: number;
  /** Log position of the last event folded, 0 when none was. */
  position: number;
  /** The events folded, as the store holds them (time, position, metadata). */
  recorded: RecordedEvent[];
}

export interface LoadOptions {
  /** Folds only the events it accepts (an as-of replay skips what came later); revision and position follow. */
  include?: (event: RecordedEvent) => boolean;
}

export interface Handled<State, Event extends DomainEvent> {
  state: State;
  /** Revision of the stream's last event after the command (-1: the stream has none). */
  revision: number;
  /** Log position of the command's last event, or of the stream's last event when it wrote nothing. */
  position: number;
  /** What the command produced: nothing when the decider had nothing to add. */
  events: Event[];
  /** True when the command id had been handled before: `events`, `revision` and `position` are that outcome. */
  replayed: boolean;
}

export interface HandleOptions<State> {
  /** The revision the caller last saw (If-Match): any other revision is a conflict, and nothing is retried. */
  expectedRevision?: number;
  /**
   * How many times a command whose append lost a race is decided again on the fresh stream. Only for commands
   * whose intent does not depend on what the caller saw; the default (0) reports the race as a conflict.
   */
  retries?: number;
  /** Added to every event's metadata, next to what the context gives. */
  metadata?: (loaded: Loaded<State>) => Record<string, unknown>;
}

export interface Appended {
  /** Revision of the stream's last event after the append. */
  revision: number;
  /** Log position of the last event appended. */
  position: number;
  eventIds: string[];
}

export interface AppendOptions {
  /** Revision of the stream's last event as the writer saw it (-1: no stream yet), or 'any' for no check. */
  expectedRevision: number | 'any';
  metadata?: Record<string, unknown>;
}

/**
 * The one way state changes: load the stream, fold it with the aggregate's `evolve`, `decide`, append with the
 * revision that was read and ids derived from the command id. A retried command id finds its own events and
 * gets their outcome again; a writer that got in between makes the append fail with a conflict, which is
 * retried only when the caller says so. No framework: the API injects it, activities construct it.
 */
export class DeciderHandler {
  constructor(private readonly store: EventStore) {}

  async load<S, E extends DomainEvent>(
    streamName: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    options: LoadOptions = {},
  ): Promise<Loaded<S>> {
    const all = await this.store.readStream(streamName);
    const recorded = options.include ? all.filter(options.include) : all;
    const state = recorded.reduce(
      (s, e) => decider.evolve(s, { type: e.type, data: e.data } as E),
      decider.initialState,
    );
    const last = recorded.at(-1);
    return { streamName, state, revision: last?.revision ?? -1, position: last?.position ?? 0, recorded };
  }

  async handle<C, E extends DomainEvent, S>(
    streamName: string,
    decider: Decider<C, E, S>,
    command: C,
    /** A function when the command id itself depends on the stream (e.g. on the revision it was decided at). */
    context: CommandContext | ((loaded: Loaded<S>) => CommandContext),
    options: HandleOptions<S> = {},
  ): Promise<Handled<S, E>> {
    for (let attempt = 0; ; attempt++) {
      const loaded = await this.load(streamName, decider);
      const ctx = typeof context === 'function' ? context(loaded) : context;
      const earlier = outcomeOf<E>(loaded.recorded, streamName, ctx.commandId);
      if (earlier) return { state: loaded.state, ...earlier, replayed: true };
      if (options.expectedRevision !== undefined && options.expectedRevision !== loaded.revision) {
        throw new Conflict(
          'REVISION_MISMATCH',
          `Данные изменились: ожидалась версия ${options.expectedRevision}, текущая ${loaded.revision}`,
          { expected: options.expectedRevision, current: loaded.revision },
        );
      }
      const events = decider.decide(command, loaded.state, ctx);
      if (events.length === 0) {
        return {
          state: loaded.state,
          revision: loaded.revision,
          position: loaded.position,
          events,
          replayed: false,
        };
      }
      try {
        const appended = await this.append(streamName, events, ctx, {
          expectedRevision: loaded.revision,
          metadata: options.metadata?.(loaded),
        });
        return {
          state: events.reduce(decider.evolve, loaded.state),
          revision: appended.revision,
          position: appended.position,
          events,
          replayed: false,
        };
      } catch (e) {
        const mayRetry = options.expectedRevision === undefined && attempt < (options.retries ?? 0);
        if (!(e instanceof WrongExpectedRevision) || !mayRetry) throw e;
      }
    }
  }

  /**
   * Commands on different streams, each decided on its own stream as `handle` decides it, and appended together
   * in one transaction where the store can (the embedded SQLite log: one commit for the lot instead of one per
   * stream); a store that cannot, or a batch that lost a race with another writer, is handled command by command.
   * A refusal is that command's outcome (`error`), never the batch's.
   */
  async handleMany<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    commands: readonly { streamName: string; command: C; context: CommandContext }[],
  ): Promise<Array<Handled<S, E> | { error: unknown }>> {
    const one = (c: (typeof commands)[number]) =>
      this.handle(c.streamName, decider, c.command, c.context).catch((error: unknown) => ({ error }));
    const batch = batchAppender(this.store);
    if (!batch) return Promise.all(commands.map(one));
    const out: Array<Handled<S, E> | { error: unknown } | undefined> = [];
    const appends: { index: number; loaded: Loaded<S>; events: E[]; ctx: CommandContext }[] = [];
    for (const [index, c] of commands.entries()) {
      const loaded = await this.load(c.streamName, decider);
      const earlier = outcomeOf<E>(loaded.recorded, c.streamName, c.context.commandId);
      if (earlier) {
        out[index] = { state: loaded.state, ...earlier, replayed: true };
        continue;
      }
      try {
        const events = decider.decide(c.command, loaded.state, c.context);
        if (events.length === 0)
          out[index] = {
            state: loaded.state,
            revision: loaded.revision,
            position: loaded.position,
            events,
            replayed: false,
          };
        else appends.push({ index, loaded, events, ctx: c.context });
      } catch (error) {
        out[index] = { error };
      }
    }
    try {
      const results = await batch(
        appends.map(({ loaded, events, ctx }) => ({
          streamName: loaded.streamName,
          events: events.map((e, i) => ({
            id: deterministicEventId(loaded.streamName, ctx.commandId, i),
            type: e.type,
            data: e.data,
            metadata: metadataFor(ctx),
          })),
          expectedRevision: loaded.revision < 0 ? 'no_stream' : loaded.revision,
        })),
      );
      appends.forEach(({ index, loaded, events }, i) => {
        out[index] = {
          state: events.reduce(decider.evolve, loaded.state),
          revision: results[i].nextExpectedRevision,
          position: results[i].position,
          events,
          replayed: false,
        };
      });
    } catch (e) {
      if (!(e instanceof WrongExpectedRevision)) throw e;
      for (const { index } of appends) out[index] = await one(commands[index]);
    }
    return out as Array<Handled<S, E> | { error: unknown }>;
  }

  /**
   * Appends events that were already decided (by a workflow, or facts an integration reports) with the
   * command's metadata and deterministic ids: the same command appended twice at the same place is written once.
   */
  async append(
    streamName: string,
    events: readonly DomainEvent[],
    ctx: CommandContext,
    options: AppendOptions,
  ): Promise<Appended> {
    const metadata: EventMetadata = { ...metadataFor(ctx), ...options.metadata };
    const eventIds = events.map((_, i) => deterministicEventId(streamName, ctx.commandId, i));
    const expected = options.expectedRevision;
    const result = await this.store.append(
      streamName,
      events.map((e, i) => ({ id: eventIds[i], type: e.type, data: e.data, metadata })),
      expected === 'any' ? 'any' : expected < 0 ? 'no_stream' : expected,
    );
    return { revision: result.nextExpectedRevision, position: result.position, eventIds };
  }
}

/** The events a command id wrote, if the stream holds them: they sit together, with ids 0, 1, … of that command. */
function outcomeOf<E extends DomainEvent>(
  recorded: readonly RecordedEvent[],
  streamName: string,
  commandId: string,
): { revision: number; position: number; events: E[] } | undefined {
  const first = deterministicEventId(streamName, commandId, 0);
  const start = recorded.findIndex((e) => e.id === first);
  if (start < 0) return undefined;
  const mine = [recorded[start]];
  for (let i = start + 1; i < recorded.length; i++) {
    if (recorded[i].id !== deterministicEventId(streamName, commandId, mine.length)) break;
    mine.push(recorded[i]);
  }
  const last = mine[mine.length - 1];
  return {
    revision: last.revision,
    position: last.position,
    events: mine.map((e) => ({ type: e.type, data: e.data }) as E),
  };
}

type BatchAppend = (
  appends: {
    streamName: string;
    events: EventToAppend[];
    expectedRevision: 'no_stream' | number;
  }[],
) => Promise<AppendResult[]>;

/** The store's appends of several streams in one transaction, when it has them (SqliteEventStore.appendStreams). */
function batchAppender(store: EventStore): BatchAppend | null {
  const candidate = (store as { appendStreams?: BatchAppend }).appendStreams;
  return typeof candidate === 'function' ? candidate.bind(store) : null;
}
