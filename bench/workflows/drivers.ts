import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { ProcedureGateway } from '../../services/api/src/procedures/gateway/procedure-gateway';
import { bumpUpdate, TRIVIAL_TASK_QUEUE, type TrivialWorkflowInput } from './definitions';
import { COMMANDS_PER_LIFECYCLE, envelopeOf, lifecycleSteps } from './lifecycle';

/** Drives one procedure through its whole life, each command awaited before the next, as the API would. */
export function lifecycleDriver(client: Client, today: string, tag: string) {
  const gateway = new ProcedureGateway(client);
  return async (procedureId: string): Promise<void> => {
    const [first, ...rest] = lifecycleSteps(procedureId, today, tag);
    await gateway.start(procedureId, envelopeOf(first));
    for (const step of rest) await gateway.execute(procedureId, envelopeOf(step));
  };
}

/**
 * Drives one trivial workflow the same way: update-with-start, then one update at a time, as many as a
 * lifecycle has commands.
 */
export function trivialDriver(client: Client, withActivity: boolean) {
  const input: TrivialWorkflowInput = { updates: COMMANDS_PER_LIFECYCLE, withActivity };
  return async (workflowId: string): Promise<void> => {
    const counts = [];
    counts.push(
      await client.workflow.executeUpdateWithStart(bumpUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation('trivialWorkflow', {
          workflowId,
          taskQueue: TRIVIAL_TASK_QUEUE,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    );
    const handle = client.workflow.getHandle(workflowId);
    for (let i = 1; i < COMMANDS_PER_LIFECYCLE; i++) counts.push(await handle.executeUpdate(bumpUpdate));
    if (counts.some((count, i) => count !== i + 1)) {
      throw new Error(`${workflowId}: обновления вернули ${counts.join(', ')}`);
    }
  };
}
