import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { existsSync, readFileSync } from 'node:fs';
import { runPool } from './pool';

/** One activity as the server's history has it: scheduled, started (last attempt), closed. */
export interface ServerActivity {
  workflowId: string;
  activity: string;
  activityId: string;
  /** The attempt the history's ActivityTaskStarted names: > 1 means the earlier attempts failed or timed out. */
  attempt: number;
  lastFailure?: string;
  scheduledToCloseMs: number;
  closedAs: 'completed' | 'failed' | 'timedOut' | 'open';
}

/** One attempt as the worker's activity-timing line has it (services/worker/src/activity-timing.ts). */
export interface WorkerAttempt {
  workflowId: string;
  activityId: string;
  activity: string;
  attempt: number;
  queuedMs: number;
  runMs?: number;
  outcome?: string;
  msg: string;
  waits?: Record<string, { count: number; ms: number; maxMs: number }>;
  waitingFor?: { what: string; forMs: number }[];
  eventLoopBusy?: number;
  previousAttempt?: { meaning: string };
}

/**
 * The activities of every workflow of `types` as the server recorded them, those retried or slower than
 * `slowMs` from scheduled to closed. A history records an activity's started event once, for its last attempt,
 * with the failure of the one before: a stall cut by the start-to-close timeout shows as attempt 2 with a
 * timeout as its last failure.
 */
export async function slowOrRetriedActivities(
  client: Client,
  types: readonly string[],
  slowMs: number,
): Promise<{ activities: number; flagged: ServerActivity[] }> {
  const ids: string[] = [];
  for (const type of types)
    for await (const w of client.workflow.list({ query: `WorkflowType = '${type}'` })) ids.push(w.workflowId);
  const flagged: ServerActivity[] = [];
  let activities = 0;
  await runPool(ids.length, 8, async (i) => {
    const history = await client.workflow.getHandle(ids[i]).fetchHistory();
    const open = new Map<
      string,
      { activity: string; activityId: string; at: number; attempt: number; lastFailure?: string }
    >();
    for (const event of history.events ?? []) {
      const at = tsToMs(event.eventTime);
      const id = String(event.eventId);
      if (event.activityTaskScheduledEventAttributes) {
        const a = event.activityTaskScheduledEventAttributes;
        open.set(id, {
          activity: a.activityType?.name ?? '?',
          activityId: a.activityId ?? '?',
          at,
          attempt: 1,
        });
        activities++;
        continue;
      }
      const started = event.activityTaskStartedEventAttributes;
      if (started) {
        const entry = open.get(String(started.scheduledEventId));
        if (entry) {
          entry.attempt = started.attempt ?? 1;
          if (started.lastFailure) entry.lastFailure = started.lastFailure.message ?? 'failure';
        }
        continue;
      }
      const closed =
        (event.activityTaskCompletedEventAttributes &&
          (['completed', event.activityTaskCompletedEventAttributes] as const)) ||
        (event.activityTaskFailedEventAttributes &&
          (['failed', event.activityTaskFailedEventAttributes] as const)) ||
        (event.activityTaskTimedOutEventAttributes &&
          (['timedOut', event.activityTaskTimedOutEventAttributes] as const));
      if (!closed) continue;
      const key = String(closed[1].scheduledEventId);
      const entry = open.get(key);
      if (!entry) continue;
      open.delete(key);
      const scheduledToCloseMs = at - entry.at;
      if (entry.attempt > 1 || scheduledToCloseMs > slowMs || closed[0] !== 'completed')
        flagged.push({ workflowId: ids[i], ...entry, scheduledToCloseMs, closedAs: closed[0] });
    }
    for (const entry of open.values())
      flagged.push({
        workflowId: ids[i],
        ...entry,
        scheduledToCloseMs: Date.now() - entry.at,
        closedAs: 'open',
      });
  });
  return { activities, flagged };
}

/** The worker's timing lines (JSON, one a line), by workflow id and activity id. */
export function workerAttempts(path: string): Map<string, WorkerAttempt[]> {
  const byActivity = new Map<string, WorkerAttempt[]>();
  if (!existsSync(path)) return byActivity;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const a = JSON.parse(line) as WorkerAttempt;
    if (!a.activityId) continue;
    const key = `${a.workflowId}/${a.activityId}`;
    byActivity.set(key, [...(byActivity.get(key) ?? []), a]);
  }
  return byActivity;
}

/** Lines saying what the server and the worker each saw of every flagged activity. */
export function explainStalls(
  flagged: ServerActivity[],
  worker: Map<string, WorkerAttempt[]>,
  limit = 20,
): string[] {
  return flagged
    .sort((a, b) => b.scheduledToCloseMs - a.scheduledToCloseMs)
    .slice(0, limit)
    .map((s) => {
      const seen = (worker.get(`${s.workflowId}/${s.activityId}`) ?? []).map(
        (a) =>
          `attempt ${a.attempt}: queued ${a.queuedMs} ms, ` +
          (a.runMs !== undefined
            ? `ran ${a.runMs} ms, ${a.outcome}, waits ${JSON.stringify(a.waits ?? {})}, event loop busy ${a.eventLoopBusy}`
            : `still running: ${JSON.stringify(a.waitingFor ?? [])}`) +
          (a.previousAttempt ? ` (${a.previousAttempt.meaning})` : ''),
      );
      return (
        `${s.workflowId} ${s.activity}#${s.activityId}: server ${(s.scheduledToCloseMs / 1000).toFixed(1)} s scheduled→${s.closedAs}, ` +
        `last attempt ${s.attempt}${s.lastFailure ? ` after "${s.lastFailure}"` : ''}; worker: ${seen.join(' | ') || 'no attempt seen'}`
      );
    });
}
