import type { Decider } from '../shared';
import type { ProcedureCommand } from './commands';
import { decide } from './decide';
import type { ProcedureEvent } from './events';
import { evolve } from './evolve';
import { initialState, type ProcedureState } from './state';

export const procedureDecider: Decider<ProcedureCommand, ProcedureEvent, ProcedureState> = {
  decide,
  evolve,
  initialState,
};
