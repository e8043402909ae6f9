import {
  WithStartWorkflowOperation,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { ProcedureClient } from '../../workflows/procedure/client';
import { bumpUpdate, TRIVIAL_TASK_QUEUE, type TrivialWorkflowInput } from './definitions';
import { COMMANDS_PER_LIFECYCLE, envelopeOf, lifecycleSteps } from './lifecycle';

const ATTEMPTS = 5;

/**
 * Update calls the server gave up waiting on, sent again. On an overloaded dev server the update RPC (notably
 * update-with-start, whose first workflow task waits in the queue behind every other new workflow) can end in
 * DEADLINE_EXCEEDED though the update was admitted; sending the same command again is what a client should do,
 * and harmless: the procedure workflow answers a known commandId with its recorded outcome.
 */
export class Retries {
  count = 0;

  async patiently<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) || attempt >= ATTEMPTS) throw error;
        this.count++;
      }
    }
  }
}

/** Drives one procedure through its whole life, each command awaited before the next, as the API would. */
export function lifecycleDriver(client: Client, today: string, tag: string, retries: Retries) {
  const procedures = new ProcedureClient(client);
  return async (procedureId: string): Promise<void> => {
    const [first, ...rest] = lifecycleSteps(procedureId, today, tag);
    const start = envelopeOf(first);
    await retries.patiently(() => procedures.start(procedureId, start));
    for (const step of rest) {
      const envelope = envelopeOf(step);
      await retries.patiently(() => procedures.execute(procedureId, envelope));
    }
  };
}

/**
 * Drives one trivial workflow the same way: update-with-start, then one update at a time, as many as a
 * lifecycle has commands. Each update has its own id, so the server answers a retried one with its outcome
 * instead of running it twice.
 */
export function trivialDriver(client: Client, withActivity: boolean, retries: Retries) {
  const input: TrivialWorkflowInput = { updates: COMMANDS_PER_LIFECYCLE, withActivity };
  return async (workflowId: string): Promise<void> => {
    const counts = [];
    counts.push(
      await retries.patiently(() =>
        client.workflow.executeUpdateWithStart(bumpUpdate, {
          updateId: `${workflowId}:1`,
          startWorkflowOperation: new WithStartWorkflowOperation('trivialWorkflow', {
            workflowId,
            taskQueue: TRIVIAL_TASK_QUEUE,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        }),
      ),
    );
    const handle = client.workflow.getHandle(workflowId);
    for (let i = 1; i < COMMANDS_PER_LIFECYCLE; i++) {
      const updateId = `${workflowId}:${i + 1}`;
      counts.push(await retries.patiently(() => handle.executeUpdate(bumpUpdate, { updateId })));
    }
    if (counts.some((count, i) => count !== i + 1)) {
      throw new Error(`${workflowId}: обновления вернули ${counts.join(', ')}`);
    }
  };
}
