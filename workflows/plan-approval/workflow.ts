import { proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { recordPlanFanOut } from '../shared/plan-fan-out-metrics';
import type { PlanApprovalActivities } from './activities';
import { progressQuery, type PlanApprovalInput } from './definitions';
import { addOutcome, emptyReport, type ReconcileReport } from './steps';

// A step is a few workflow updates; a worker that died mid-step is retried after this long.
const { reconcileStep } = proxyActivities<PlanApprovalActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Procedure workflows asked at once: a year's plan in seconds, without crowding the task queue. */
const PARALLEL = 8;

/**
 * The fan-out of an approved plan to its procedure workflows, durable: a crash of the API or a worker resumes
 * where it stopped, and every step is idempotent (its command ids derive from this run, so a retried activity
 * is recognised by the procedure workflow). Progress is a query; the outcome is the report.
 */
export async function planApprovalWorkflow(input: PlanApprovalInput): Promise<ReconcileReport> {
  const report = emptyReport();
  const total = input.steps.length;
  let done = 0;
  setHandler(progressQuery, () => ({ done, total, report }));
  // Worker metrics (vsoko_plan_procedures_*): no commands, and nothing recorded while a history replays.
  recordPlanFanOut({ planned: total });
  const context = { ...input.context, commandId: `plan-approval:${workflowInfo().runId}` };
  const queue = [...input.steps];
  const lane = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      const outcome = await reconcileStep({ step, target: input.target, context });
      addOutcome(report, outcome);
      recordPlanFanOut(outcome.failed ? { failed: 1 } : { started: 1 });
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, total) }, lane));
  return report;
}
