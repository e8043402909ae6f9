import type { ProcedureState } from '@vsoko/domain';
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

/** The events that count at the moment (inclusive): a replay folds them with the domain's own `evolve`. */
export function knownAt(moment: number, basis: AsOfBasis): (event: RecordedEvent) => boolean {
  return (event) => Date.parse(basis === 'recorded' ? event.recordedAt : event.metadata.occurredAt) <= moment;
}
