import type { CommandContext, DomainEvent } from './event';

/**
 * An aggregate as three pure pieces: where it starts, how an event changes it, what a command makes happen.
 * The one command handler (`@vsoko/event-sourcing`), the procedure workflow and the as-of replays all take it.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State, ctx: CommandContext): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}
