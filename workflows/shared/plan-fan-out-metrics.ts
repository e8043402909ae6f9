import type { MetricMeter } from '@temporalio/common';

/** What a fan-out activity settled: procedures of the approval handed over, and how each one ended. */
export interface PlanFanOutProgress {
  planned?: number;
  started?: number;
  failed?: number;
}

/**
 * The progress of a plan's fan-out (approval starting its procedures), for the worker's Prometheus metrics:
 * `vsoko_plan_procedures_planned_total`, `…_started_total` and `…_failed_total`; in flight = planned − started −
 * failed.
 *
 * Counted by the fan-out's activities (workflows/plan-approval/activities.ts), never by the workflow: workflow
 * code runs again whenever a workflow task is retried — a task that timed out on a busy server is not a replay,
 * so the SDK's workflow meter and sinks record it a second time (the 1,000-school bench read 157,200 planned for
 * 150,000). An activity counts what its attempt recorded on the log, and an attempt that finds the facts of an
 * earlier attempt of the same approval run there counts nothing: each procedure the fan-out records is counted
 * once, however often a workflow task or an activity is run again. (A procedure found already in line, or
 * refused, writes nothing to tell a repeat by: an attempt run again after its completion was lost counts it again.)
 */
export function recordPlanFanOut(meter: MetricMeter, progress: PlanFanOutProgress): void {
  for (const [what, count] of Object.entries(progress)) {
    if (!count) continue;
    meter
      .createCounter(`vsoko_plan_procedures_${what}`, 'procedures', `Procedures of approved plans: ${what}`)
      .add(count);
  }
}
