import {
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { PlanApprovalActivities } from './activities';
import {
  LOST_ACTIVITY_TASKS_PATCH,
  progressQuery,
  type PlanApprovalInput,
  type ProcedureWake,
} from './definitions';
import { addOutcome, emptyReport, type ReconcileReport, type ReconcileStep } from './steps';
import { procedureWakesWorkflow } from './wakes';

const RETRY = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;
// A step is a few workflow updates; a worker that died mid-step is retried after this long.
const { reconcileStep, scheduleOnLog } = proxyActivities<PlanApprovalActivities>({
  startToCloseTimeout: '2 minutes',
  retry: RETRY,
});
/**
 * Patch `lost-activity-tasks` (LOST_ACTIVITY_TASKS_PATCH): on an overloaded server some activity tasks are
 * recorded started and never reach the activity's code (plan-adoption bench at 1,000 schools, load 13–31: 73 of
 * 6,073 log batches, docs/PERFORMANCE.md); each waited its whole start-to-close timeout, two minutes, before its
 * retry. A batch on the log is one SQLite transaction (p99 0.3 s, at most 0.65 s in that run), so an attempt not
 * done 30 s after its start never ran.
 */
const quick = proxyActivities<PlanApprovalActivities>({ startToCloseTimeout: '30 seconds', retry: RETRY });

/** Procedure workflows asked at once: a year's plan in seconds, without crowding the task queue. */
const PARALLEL = 8;
/** New procedures scheduled on the log per activity, and such activities at once. */
const LOG_CHUNK = 25;
const LOG_PARALLEL = 2;

/**
 * The fan-out of an approved plan to its procedure workflows, durable: a crash of the API or a worker resumes
 * where it stopped, and every step is idempotent (its command ids derive from this run, so a retried activity
 * is recognised by the procedure workflow). Progress is a query; the outcome is the report.
 *
 * Patch `lazy-starts` (ADR 0009): a new procedure with nothing of its past to record is scheduled on the log in
 * batches, without its workflow; a child workflow (`procedureWakesWorkflow`, left running when this one ends)
 * starts each procedure's workflow before its first timer, and any command starts it earlier (the procedure
 * client finds it on the log). Everything else — a moved window, a past window, a cancellation — goes through
 * the procedure workflows one step at a time as before.
 */
export async function planApprovalWorkflow(input: PlanApprovalInput): Promise<ReconcileReport> {
  const report = emptyReport();
  const total = input.steps.length;
  let done = 0;
  setHandler(progressQuery, () => ({ done, total, report }));
  // Worker metrics (vsoko_plan_procedures_*) are counted by the activities, once per fact on the log
  // (workflows/shared/plan-fan-out-metrics.ts): the first one this run schedules counts the plan as planned.
  let toCount = total;
  const countPlanned = () => {
    const n = toCount;
    toCount = 0;
    return n > 0 ? { countPlanned: n } : {};
  };
  const context = { ...input.context, commandId: `plan-approval:${workflowInfo().runId}` };
  let queue = [...input.steps];

  if (patched('lazy-starts')) {
    const onLog = queue.filter((s) => s.kind === 'ensure' && !s.past);
    queue = queue.filter((s) => !onLog.includes(s));
    const wakes: ProcedureWake[] = [];
    const chunks = Array.from({ length: Math.ceil(onLog.length / LOG_CHUNK) }, (_, i) =>
      onLog.slice(i * LOG_CHUNK, (i + 1) * LOG_CHUNK),
    );
    const viaWorkflow: ReconcileStep[] = [];
    const schedule =
      chunks.length > 0 && patched(LOST_ACTIVITY_TASKS_PATCH) ? quick.scheduleOnLog : scheduleOnLog;
    const logLane = async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        const steps = chunk as Extract<ReconcileStep, { kind: 'ensure' }>[];
        const outcomes = await schedule({
          procedures: steps.map((s) => s.procedure),
          target: input.target,
          context,
          ...countPlanned(),
        });
        outcomes.forEach((o, i) => {
          if (o.outcome === 'viaWorkflow') return void viaWorkflow.push(steps[i]);
          if (o.outcome === 'failed')
            report.failed.push({ procedureId: o.procedureId, code: o.code, message: o.message });
          else report[o.outcome].push(o.procedureId);
          if (o.outcome === 'scheduled' && o.wakeAt !== null)
            wakes.push({ procedureId: o.procedureId, at: o.wakeAt });
          done++;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOG_PARALLEL, chunks.length) }, logLane));
    queue.unshift(...viaWorkflow);
    if (wakes.length > 0)
      // Not awaited beyond its start: it runs until the last procedure's workflow is started, this one ends.
      await startChild(procedureWakesWorkflow, {
        workflowId: `procedure-wakes-${input.planStream}-${workflowInfo().runId}`,
        args: [{ wakes }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
  }

  const lane = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      const outcome = await reconcileStep({ step, target: input.target, context, ...countPlanned() });
      addOutcome(report, outcome);
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, lane));
  return report;
}
