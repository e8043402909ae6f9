import type { Decider } from '../../shared';
import type { PersonCommand } from './commands';
import { decidePerson } from './decide';
import type { PersonEvent } from './events';
import { evolvePerson } from './evolve';
import { initialPersonState, type PersonState } from './state';

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: initialPersonState,
};
