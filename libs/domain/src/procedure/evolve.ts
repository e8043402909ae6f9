import { assertNever } from '../shared';
import type { ProcedureEvent } from './events';
import type { ProcedureState } from './state';

export function evolve(_state: ProcedureState, event: ProcedureEvent): ProcedureState {
  switch (event.type) {
    case 'ProcedureScheduled':
      return { status: 'scheduled', ...event.data };
    default:
      return assertNever(event.type);
  }
}
