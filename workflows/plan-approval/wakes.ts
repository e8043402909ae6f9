import { continueAsNew, patched, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { PlanApprovalActivities } from './activities';
import { workflowNow } from '../procedure/system-context';
import { LOST_ACTIVITY_TASKS_PATCH, type ProcedureWakesInput } from './definitions';

const RETRY = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;
// 50 starts take seconds; a worker that died or an answer the server lost is retried after a minute.
const { wakeProcedures } = proxyActivities<PlanApprovalActivities>({
  startToCloseTimeout: '1 minute',
  retry: RETRY,
});
/**
 * Patch `lost-activity-tasks` (see the plan approval): the activity beats after every workflow it starts, so an
 * attempt whose task never reached a worker is retried after 20 s without a beat, not after its start-to-close
 * timeout; a slow server may then take five minutes for the 50 starts.
 */
const beating = proxyActivities<PlanApprovalActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '20 seconds',
  retry: RETRY,
});

/** A procedure's workflow is started this long before its first timer: room for a busy or restarted worker. */
export const WAKE_LEAD_MS = 2 * 24 * 60 * 60 * 1000;
/** Procedures started per activity. */
const WAKE_CHUNK = 50;
/** A history this long is handed to a fresh run. */
const HISTORY_EVENTS_LIMIT = 2_000;

/**
 * The timers of the procedures a plan scheduled on the log without their workflows (patch `lazy-starts` of the
 * plan approval, ADR 0009): sleeps until the earliest first timer is `WAKE_LEAD_MS` away, starts the workflows
 * of every procedure due by then (the procedure client's `wake`: from the log, none twice), and sleeps again,
 * until every one runs. Durable like any workflow: a restart of the server or the worker resumes the sleep.
 */
export async function procedureWakesWorkflow(input: ProcedureWakesInput): Promise<number> {
  let pending = [...input.wakes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let woken = input.woken ?? 0;
  let wake: PlanApprovalActivities['wakeProcedures'] | undefined;
  while (pending.length > 0) {
    const now = workflowNow();
    const due = pending.filter((w) => Date.parse(w.at) - WAKE_LEAD_MS <= now);
    if (due.length === 0) {
      await sleep(Date.parse(pending[0].at) - WAKE_LEAD_MS - now);
      continue;
    }
    // Asked where the first wake is scheduled, so that a run recorded before the patch replays unchanged.
    wake ??= patched(LOST_ACTIVITY_TASKS_PATCH) ? beating.wakeProcedures : wakeProcedures;
    for (let i = 0; i < due.length; i += WAKE_CHUNK)
      woken += await wake({ procedureIds: due.slice(i, i + WAKE_CHUNK).map((w) => w.procedureId) });
    pending = pending.slice(due.length);
    const info = workflowInfo();
    if (pending.length > 0 && (info.continueAsNewSuggested || info.historyLength > HISTORY_EVENTS_LIMIT))
      return continueAsNew<typeof procedureWakesWorkflow>({ wakes: pending, woken });
  }
  return woken;
}
