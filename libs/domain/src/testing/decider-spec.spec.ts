import { DomainRuleViolation } from '../shared';
import { spec } from './decider-spec';

type Counter = { count: number };
type Add = { type: 'Add'; by: number };
type Added = { type: 'Added'; by: number };

const decide = (command: Add, state: Counter, limit: number): Added[] => {
  if (command.by === 0) return [];
  if (state.count + command.by > limit) throw new DomainRuleViolation('LIMIT', 'Слишком много');
  return [{ type: 'Added', by: command.by }];
};
const evolve = (state: Counter, event: Added): Counter => ({ count: state.count + event.by });
const counter = spec(decide, evolve, { count: 0 });

describe('a decider specification', () => {
  it('folds the given events before the command and returns the state after the new ones', () => {
    const state = counter
      .given([{ type: 'Added', by: 2 }])
      .when({ type: 'Add', by: 1 }, 3)
      .then([{ type: 'Added', by: 1 }]);
    expect(state).toEqual({ count: 3 });
    counter
      .given([{ type: 'Added', by: 3 }])
      .when({ type: 'Add', by: 1 }, 3)
      .thenThrows('LIMIT');
  });

  it('fails when the events differ', () => {
    expect(() =>
      counter
        .given([])
        .when({ type: 'Add', by: 1 }, 3)
        .then([{ type: 'Added', by: 2 }]),
    ).toThrow();
    expect(() => counter.given([]).when({ type: 'Add', by: 1 }, 3).thenNothing()).toThrow();
  });

  it('fails when the command is not refused, or refused with another code', () => {
    expect(() => counter.given([]).when({ type: 'Add', by: 1 }, 3).thenThrows('LIMIT')).toThrow(/no error/);
    expect(() => counter.given([]).when({ type: 'Add', by: 5 }, 3).thenThrows('OTHER')).toThrow();
  });

  it('accepts a command that records nothing', () => {
    counter.given([]).when({ type: 'Add', by: 0 }, 3).thenNothing();
  });
});
