import { defineQuery } from '@temporalio/workflow';
import type { CommandContext } from '../../libs/domain/src';
import type { ReconcileReport, ReconcileStep, ReconcileTarget } from './steps';

/**
 * One run per approval of a plan revision: `plan-approval-<plan stream>-r<revision>`. Approving again while it
 * runs finds the same run; approving again after it ended starts a new run, whose steps find the work done.
 */
export function planApprovalWorkflowId(planStream: string, revision: number): string {
  return `plan-approval-${planStream}-r${revision}`;
}

export interface PlanApprovalInput {
  planStream: string;
  target: ReconcileTarget;
  steps: ReconcileStep[];
  /** The approval's context: actor, time, correlation; each step's command id is derived from the run. */
  context: CommandContext;
}

export interface PlanApprovalProgress {
  done: number;
  total: number;
  report: ReconcileReport;
}

/**
 * Patch of the plan approval and the wakes workflow: their log and wake activities are retried soon after a task
 * the server recorded started never reached a worker (docs/PERFORMANCE.md, "District plan adoption").
 */
export const LOST_ACTIVITY_TASKS_PATCH = 'lost-activity-tasks';

export const progressQuery = defineQuery<PlanApprovalProgress>('progress');

/** A procedure scheduled on the log without its workflow, and the instant of its first timer. */
export interface ProcedureWake {
  procedureId: string;
  at: string;
}

export interface ProcedureWakesInput {
  wakes: ProcedureWake[];
  /** Carried by continue-as-new: workflows started by the earlier runs. */
  woken?: number;
}
