import { evolve, initialState, type ProcedureEvent, type ProcedureState } from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';

/**
 * 'recorded': what the log held at that moment (the store's commit time) — what anyone could have known then;
 * 'occurred': what had happened by then according to the events' own time (a fact entered late counts from
 * when it happened).
 */
export type AsOfBasis = 'recorded' | 'occurred';

export interface ProcedureAsOf {
  procedureId: string;
  at: string;
  basis: AsOfBasis;
  /** Revision and log position of the last event folded; -1 and 0 when none was. */
  revision: number;
  position: number;
  state: ProcedureState;
}

/** Folds a stream's events with the domain's own `evolve`, up to and including the moment. */
export function stateAsOf(
  procedureId: string,
  events: readonly RecordedEvent[],
  at: string,
  basis: AsOfBasis,
): ProcedureAsOf {
  const moment = Date.parse(at);
  let state = initialState;
  let last: RecordedEvent | undefined;
  for (const event of events) {
    const when = Date.parse(basis === 'recorded' ? event.recordedAt : event.metadata.occurredAt);
    if (when > moment) continue;
    state = evolve(state, event as unknown as ProcedureEvent);
    last = event;
  }
  return {
    procedureId,
    at: new Date(moment).toISOString(),
    basis,
    revision: last?.revision ?? -1,
    position: last?.position ?? 0,
    state,
  };
}
