import { assertNever } from '../../shared';
import type { PersonEvent } from './events';
import type { PersonState } from './state';

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered': {
      const { personId, fullName, email } = event.data;
      return { status: 'active', personId, fullName, ...(email ? { email } : {}), holdings: [] };
    }
    case 'PositionAssigned': {
      if (state.status === 'unregistered') return state;
      const { personId: _person, ...holding } = event.data;
      return {
        ...state,
        holdings: [...state.holdings.filter((h) => h.assignmentId !== holding.assignmentId), holding],
      };
    }
    case 'PositionRemoved':
      if (state.status === 'unregistered') return state;
      return { ...state, holdings: state.holdings.filter((h) => h.assignmentId !== event.data.assignmentId) };
    case 'AccountDeactivated':
      if (state.status === 'unregistered') return state;
      return { ...state, status: 'deactivated', reason: event.data.reason };
    case 'AccountReactivated': {
      if (state.status !== 'deactivated') return state;
      const { reason: _reason, ...rest } = state;
      return { ...rest, status: 'active' };
    }
    default:
      return assertNever(event);
  }
}
