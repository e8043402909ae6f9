import {
  type Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CommandContext, ProcedureCommand } from '../../libs/domain/src';
import {
  commandUpdate,
  FAILURE_PREFIX,
  PROCEDURES_TASK_QUEUE,
  procedureWorkflowId,
  type CommandOutcome,
} from '../procedure/definitions';

export type CommandResult =
  | { outcome: 'applied'; revision: number; position: number; eventTypes: string[] }
  | { outcome: 'refused'; code: string; message: string };

/**
 * Sends one command to a procedure's workflow the way the API's ProcedureGateway does: scheduling by
 * update-with-start, the rest by update. A rule refusal is an answer, not a failure; anything else (Temporal
 * away) is thrown so the activity retries, and the command's deterministic id makes the retry harmless.
 */
export async function sendProcedureCommand(
  client: Client,
  command: ProcedureCommand,
  context: CommandContext,
): Promise<CommandResult> {
  const procedureId = command.data.procedureId;
  try {
    let outcome: CommandOutcome;
    if (command.type === 'ScheduleProcedure') {
      outcome = await client.workflow.executeUpdateWithStart(commandUpdate, {
        args: [{ command, context }],
        startWorkflowOperation: new WithStartWorkflowOperation('procedureWorkflow', {
          workflowId: procedureWorkflowId(procedureId),
          taskQueue: PROCEDURES_TASK_QUEUE,
          args: [{ procedureId }],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      });
    } else {
      outcome = await client.workflow
        .getHandle(procedureWorkflowId(procedureId))
        .executeUpdate(commandUpdate, { args: [{ command, context }] });
    }
    return { outcome: 'applied', ...outcome };
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) {
      return {
        outcome: 'refused',
        code: 'PROCEDURE_NOT_FOUND',
        message: `Процедура ${procedureId} не найдена`,
      };
    }
    const failure = e instanceof WorkflowUpdateFailedError ? e.cause : undefined;
    if (failure instanceof ApplicationFailure && failure.type?.startsWith(FAILURE_PREFIX)) {
      const [code] = (failure.details ?? []) as [string?];
      return { outcome: 'refused', code: code ?? 'UNKNOWN', message: failure.message };
    }
    throw e;
  }
}
