import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { PendingDecisionTimer } from '../../libs/domain/src';

/** Decisions' timers run on the procedures' task queue: the same workers, the same event store. */
export const DECISIONS_TASK_QUEUE = 'procedures';

/** One workflow per decision, id derived from the decision id: a repeated signal-with-start finds the same one. */
export function decisionWorkflowId(decisionId: string): string {
  return `decision-${decisionId}`;
}

export interface DecisionWorkflowInput {
  decisionId: string;
  /** Timers fired by earlier runs before continue-as-new; only for the workflow's own bookkeeping. */
  fired?: number;
  /** Re-check procedures earlier runs have already scheduled. */
  rechecksStarted?: string[];
}

/** Something was recorded on the decision's stream (a new deadline, execution, a re-opening): look again. */
export const decisionChangedSignal = defineSignal('decisionChanged');

/** The timers the workflow is waiting for, earliest first. */
export const decisionTimersQuery = defineQuery<PendingDecisionTimer[]>('decisionTimers');

/** Workflow history stays small: a run hands over to a new one after this many fired timers or signals. */
export const STEPS_PER_RUN = 200;
