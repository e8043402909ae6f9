import { VsokoError } from '../shared';

/** Jest's global, declared here because the production build (without jest's types) compiles this file too. */
declare const expect: (actual: unknown) => {
  toEqual(expected: unknown): void;
  toBe(expected: unknown): void;
  not: { toBe(expected: unknown): void };
};

/**
 * Given/when/then for deciders: `spec(decide, evolve, initialState).given(events).when(command, ctx)` then
 * `.then(events)` or `.thenThrows(code)`. Test-only.
 */
export function spec<Command, Event, State, Context>(
  decide: (command: Command, state: State, ctx: Context) => Event[],
  evolve: (state: State, event: Event) => State,
  initialState: State,
) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(evolve, initialState);
      return {
        when(command: Command, ctx: Context) {
          const run = () => decide(command, state, ctx);
          return {
            /** The command is accepted and yields exactly these events; folding them must not throw. */
            then(expected: readonly Event[]): State {
              const events = run();
              expect(events).toEqual(expected);
              return events.reduce(evolve, state);
            },
            /** Accepted, with nothing to record (an idempotent repeat or a stale timer). */
            thenNothing(): void {
              expect(run()).toEqual([]);
            },
            /** Refused with this code and a non-empty human message; returns the error for further checks. */
            thenThrows(code: string): VsokoError {
              let caught: unknown;
              try {
                run();
              } catch (e) {
                caught = e;
              }
              if (!(caught instanceof VsokoError)) {
                throw new Error(
                  `expected a VsokoError with code ${code}, got ${caught === undefined ? 'no error' : String(caught)}`,
                );
              }
              expect(caught.code).toBe(code);
              expect(caught.message.trim()).not.toBe('');
              return caught;
            },
          };
        },
      };
    },
  };
}
