import { metricMeter } from '@temporalio/workflow';

/**
 * The progress of a plan's fan-out (approval starting its procedures), for the worker's Prometheus metrics:
 * `vsoko_plan_procedures_planned_total`, `…_started_total` and `…_failed_total`; progress is started ÷ planned.
 * Call it from the fan-out workflow as the counts become known. Safe in workflow code: the SDK's workflow meter
 * records nothing while a history is replayed, so each procedure counts once however often it is replayed.
 */
export function recordPlanFanOut(progress: { planned?: number; started?: number; failed?: number }): void {
  for (const [what, count] of Object.entries(progress)) {
    if (!count) continue;
    metricMeter
      .createCounter(`vsoko_plan_procedures_${what}`, 'procedures', `Procedures of approved plans: ${what}`)
      .add(count);
  }
}
