import { workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/**
 * Workflow interceptors for plan-fan-out-metrics.int-spec: the plan approval's first workflow task fails after
 * the workflow code ran and just before its first command (as a task that outlives its timeout on a busy server
 * is run again), so the server runs that task again. The first task is told by the history: three events
 * (started, task scheduled, task started); its retry's history is longer.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        const info = workflowInfo();
        if (info.workflowType === 'planApprovalWorkflow' && info.historyLength <= 3)
          throw new Error('first workflow task lost on purpose (fan-out metrics spec)');
        return next(input);
      },
    },
  ],
});
