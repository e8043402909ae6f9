import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TrivialActivities } from './trivial-activities';
import { bumpUpdate, type TrivialWorkflowInput } from './definitions';

const { noop } = proxyActivities<TrivialActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * The least a workflow taking the same Updates as a procedure can do: count them, then complete. With
 * `withActivity` each update also waits for one activity, as a procedure command waits for its append.
 */
export async function trivialWorkflow(input: TrivialWorkflowInput): Promise<number> {
  let count = 0;
  setHandler(bumpUpdate, async () => {
    if (input.withActivity) await noop();
    return ++count;
  });
  await condition(() => count >= input.updates && allHandlersFinished());
  return count;
}
