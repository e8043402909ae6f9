import { Inject, Injectable } from '@nestjs/common';
import { metadataFor, type CommandContext, type DomainEvent } from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { deterministicEventId } from '@vsoko/workflows/procedure/activities';
import { EVENT_STORE } from '../infrastructure/tokens';

export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State, ctx: CommandContext): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

export interface Handled<State> {
  state: State;
  /** Revision of the stream's last event, -1 for a stream with none. */
  revision: number;
  /** Log position of the last event written, or of the stream's last event when nothing was written. */
  position: number;
  eventTypes: string[];
}

/**
 * For aggregates that need no workflow (no timers): load the stream, fold, decide, append with the revision
 * that was read. A concurrent writer makes the append fail with a conflict (409); a retried command id appends
 * the same event ids, which the store recognises.
 */
@Injectable()
export class DeciderHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<C, E extends DomainEvent, S>(streamName: string, decider: Decider<C, E, S>) {
    const recorded = await this.store.readStream(streamName);
    const state = recorded.reduce(
      (s, e) => decider.evolve(s, { type: e.type, data: e.data } as E),
      decider.initialState,
    );
    const last = recorded.at(-1);
    return { state, revision: last?.revision ?? -1, position: last?.position ?? 0 };
  }

  async handle<C, E extends DomainEvent, S>(
    streamName: string,
    decider: Decider<C, E, S>,
    command: C,
    ctx: CommandContext,
  ): Promise<Handled<S>> {
    const loaded = await this.load(streamName, decider);
    const events = decider.decide(command, loaded.state, ctx);
    if (events.length === 0) return { ...loaded, eventTypes: [] };
    const result = await this.store.append(
      streamName,
      events.map((e, i) => ({
        id: deterministicEventId(streamName, ctx.commandId, i),
        type: e.type,
        data: e.data,
        metadata: metadataFor(ctx),
      })),
      loaded.revision < 0 ? 'no_stream' : loaded.revision,
    );
    return {
      state: events.reduce(decider.evolve, loaded.state),
      revision: result.nextExpectedRevision,
      position: result.position,
      eventTypes: events.map((e) => e.type),
    };
  }
}
