import { assertNever, type Decider } from '../shared';
import { approvePlanImport, type ApprovePlanImport } from './approve';
import type { PlanEvent } from './events';
import { initialPlanState, evolvePlan, type PlanState } from './state';
import { decideAdoption, type AdoptionCommand, type AdoptionContext } from './template/adopt';

export type PlanCommand = ApprovePlanImport | AdoptionCommand;

/**
 * A school's plan for one year as a decider. Adopting a district template also needs the template as it stands
 * (its own stream) and the school's procedure ids for its rows: the caller reads those and passes them here.
 */
export function planDecider(adoption?: AdoptionContext): Decider<PlanCommand, PlanEvent, PlanState> {
  return {
    initialState: initialPlanState,
    evolve: evolvePlan,
    decide(command, state, ctx) {
      switch (command.type) {
        case 'ApprovePlanImport':
          return approvePlanImport(command, state, ctx);
        case 'AdoptTemplate':
        case 'AcceptTemplateRevision':
          if (!adoption) throw new Error('adopting a template needs the template: planDecider(adoption)');
          return decideAdoption(command, state, adoption);
        default:
          return assertNever(command);
      }
    },
  };
}
