import type { Decider } from '../shared';
import type { DecisionCommand } from './commands';
import { decideDecision } from './decide';
import type { DecisionStreamEvent } from './events';
import { evolveDecision } from './evolve';
import { initialDecisionState, type DecisionState } from './state';

export const decisionDecider: Decider<DecisionCommand, DecisionStreamEvent, DecisionState> = {
  decide: decideDecision,
  evolve: evolveDecision,
  initialState: initialDecisionState,
};
