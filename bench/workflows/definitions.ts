import { defineUpdate } from '@temporalio/workflow';

/** The baseline's own task queue, so its worker and the procedure worker never share a poller. */
export const TRIVIAL_TASK_QUEUE = 'bench-trivial';

export interface TrivialWorkflowInput {
  /** Updates the workflow accepts before it completes. */
  updates: number;
  /** Each update awaits one no-op activity: isolates the cost of an activity round trip. */
  withActivity?: boolean;
}

/** Increments the workflow's counter and returns it. */
export const bumpUpdate = defineUpdate<number, []>('bump');
