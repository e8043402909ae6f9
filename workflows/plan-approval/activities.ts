import type { Client } from '@temporalio/client';
import type { CommandContext } from '../../libs/domain/src';
import { ProcedureClient } from '../procedure/client';
import { runStep, type ReconcileStep, type ReconcileTarget, type StepOutcome } from './steps';

export interface PlanApprovalActivities {
  /** Brings one procedure in line with the approved plan; a refusal is an outcome, not a failure. */
  reconcileStep(input: {
    step: ReconcileStep;
    target: ReconcileTarget;
    context: CommandContext;
  }): Promise<StepOutcome>;
}

/** Activities drive the procedure workflows through the one procedure client, as the API does. */
export function createPlanApprovalActivities(deps: { temporal: Client }): PlanApprovalActivities {
  const procedures = new ProcedureClient(deps.temporal);
  return {
    reconcileStep: ({ step, target, context }) => runStep(procedures, step, target, context),
  };
}
