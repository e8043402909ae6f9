import {
  type Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  Conflict,
  isErrorKind,
  NotFound,
  Unavailable,
  vsokoError,
  type VsokoError,
} from '../../libs/domain/src';
import {
  commandUpdate,
  FAILURE_PREFIX,
  PROCEDURES_TASK_QUEUE,
  procedureWorkflowId,
  snapshotQuery,
  type CommandEnvelope,
  type CommandOutcome,
  type ProcedureSnapshot,
} from './definitions';

/**
 * The one client of the procedure workflows, for the API, the calendar activities and tools: scheduling starts
 * the workflow and runs the command in one step (update-with-start), other commands are updates, the state is a
 * query. Temporal's errors become ours here and nowhere else, so a refusal keeps its kind and code.
 */
export class ProcedureClient {
  constructor(private readonly client: Client) {}

  /** Starts the procedure's workflow if needed and runs the command on it, atomically (update-with-start). */
  async start(procedureId: string, envelope: CommandEnvelope): Promise<CommandOutcome> {
    const startWorkflowOperation = new WithStartWorkflowOperation('procedureWorkflow', {
      workflowId: procedureWorkflowId(procedureId),
      taskQueue: PROCEDURES_TASK_QUEUE,
      args: [{ procedureId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(commandUpdate, {
        args: [envelope],
        startWorkflowOperation,
      });
    } catch (e) {
      throw procedureError(e, procedureId);
    }
  }

  async execute(procedureId: string, envelope: CommandEnvelope): Promise<CommandOutcome> {
    try {
      return await this.client.workflow
        .getHandle(procedureWorkflowId(procedureId))
        .executeUpdate(commandUpdate, { args: [envelope] });
    } catch (e) {
      throw procedureError(e, procedureId);
    }
  }

  /** Scheduling starts the workflow; every other command needs it running. */
  send(envelope: CommandEnvelope): Promise<CommandOutcome> {
    const { procedureId } = envelope.command.data;
    return envelope.command.type === 'ScheduleProcedure'
      ? this.start(procedureId, envelope)
      : this.execute(procedureId, envelope);
  }

  async snapshot(procedureId: string): Promise<ProcedureSnapshot> {
    try {
      return await this.client.workflow.getHandle(procedureWorkflowId(procedureId)).query(snapshotQuery);
    } catch (e) {
      throw procedureError(e, procedureId);
    }
  }
}

/** What a failed call to a procedure workflow means for us; an error that is not ours comes back unchanged. */
export function procedureError(e: unknown, procedureId: string): unknown {
  if (e instanceof WorkflowExecutionAlreadyStartedError) {
    return new Conflict('PROCEDURE_EXISTS', `Процедура ${procedureId} уже существует`);
  }
  if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    // The command may or may not have been recorded; the same Idempotency-Key makes a retry safe either way.
    return new Unavailable(
      'COMMAND_TIMEOUT',
      'Система перегружена и не успела ответить; повторите запрос с тем же Idempotency-Key — дважды он не выполнится',
    );
  }
  if (e instanceof WorkflowNotFoundError) {
    return new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не найдена`);
  }
  const failure = e instanceof WorkflowUpdateFailedError ? e.cause : (e as { cause?: unknown })?.cause;
  if (failure instanceof ApplicationFailure) return fromFailure(failure);
  if (e instanceof ApplicationFailure) return fromFailure(e);
  return e;
}

function fromFailure(failure: ApplicationFailure): VsokoError | ApplicationFailure {
  const kind = failure.type?.startsWith(FAILURE_PREFIX)
    ? failure.type.slice(FAILURE_PREFIX.length)
    : undefined;
  if (!isErrorKind(kind)) return failure;
  const [code, details] = (failure.details ?? []) as [string?, Record<string, unknown>?];
  return vsokoError(kind, code ?? 'UNKNOWN', failure.message, details ?? undefined);
}
