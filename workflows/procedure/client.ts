import {
  type Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import {
  Conflict,
  isErrorKind,
  NotFound,
  Unavailable,
  vsokoError,
  type VsokoError,
} from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
import { timedWait } from '../../libs/observability/src/waits';
import { carriedFromLog } from './from-log';
import {
  commandUpdate,
  FAILURE_PREFIX,
  PROCEDURES_TASK_QUEUE,
  procedureWorkflowId,
  snapshotQuery,
  type CarriedState,
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
  /**
   * `log`: the event log, for procedures a plan scheduled without starting their workflow (lazy starts, ADR
   * 0009). With it, a command, a query or a start that finds no workflow starts one from the state the log
   * holds; without it such a procedure answers "not found".
   */
  constructor(
    private readonly client: Client,
    private readonly log?: EventStore,
  ) {}

  /** Starts the procedure's workflow if needed and runs the command on it, atomically (update-with-start). */
  async start(procedureId: string, envelope: CommandEnvelope): Promise<CommandOutcome> {
    // A procedure already on the log (scheduled without its workflow) starts from it; a new one from nothing.
    const carried = this.log ? await carriedFromLog(this.log, procedureId) : null;
    return this.updateWithStart(procedureId, envelope, carried);
  }

  async execute(procedureId: string, envelope: CommandEnvelope): Promise<CommandOutcome> {
    try {
      return await timedWait('temporal.update', () =>
        this.client.workflow
          .getHandle(procedureWorkflowId(procedureId))
          .executeUpdate(commandUpdate, { args: [envelope] }),
      );
    } catch (e) {
      if (e instanceof WorkflowNotFoundError && this.log) {
        // A procedure closed or cancelled on the log has ended its workflow, which cannot start again under
        // its id: it answers as before lazy starts (a plan's cancellation then counts it as already there).
        const carried = await carriedFromLog(this.log, procedureId);
        if (carried && !ENDED.includes(carried.state.status))
          return this.updateWithStart(procedureId, envelope, carried);
      }
      throw procedureError(e, procedureId);
    }
  }

  /**
   * Starts the workflow of a procedure the log holds and no workflow runs for (a plan's lazy start), before its
   * first timer. True when this call started it; false when it runs already, ended, or the log has no such
   * procedure (or it is closed or cancelled there). Safe to repeat.
   */
  async wake(procedureId: string): Promise<boolean> {
    if (!this.log) throw new Error('ProcedureClient.wake needs the event log');
    const carried = await carriedFromLog(this.log, procedureId);
    if (!carried || ENDED.includes(carried.state.status)) return false;
    try {
      await timedWait('temporal.start', () =>
        this.client.workflow.start('procedureWorkflow', {
          workflowId: procedureWorkflowId(procedureId),
          taskQueue: PROCEDURES_TASK_QUEUE,
          args: [{ procedureId, carried }],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw e;
    }
  }

  private async updateWithStart(
    procedureId: string,
    envelope: CommandEnvelope,
    carried: CarriedState | null,
  ): Promise<CommandOutcome> {
    const startWorkflowOperation = new WithStartWorkflowOperation('procedureWorkflow', {
      workflowId: procedureWorkflowId(procedureId),
      taskQueue: PROCEDURES_TASK_QUEUE,
      args: [carried ? { procedureId, carried } : { procedureId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      return await timedWait('temporal.updateWithStart', () =>
        this.client.workflow.executeUpdateWithStart(commandUpdate, {
          args: [envelope],
          startWorkflowOperation,
        }),
      );
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
      return await timedWait('temporal.query', () =>
        this.client.workflow.getHandle(procedureWorkflowId(procedureId)).query(snapshotQuery),
      );
    } catch (e) {
      if (e instanceof WorkflowNotFoundError && this.log) {
        const carried = await carriedFromLog(this.log, procedureId);
        if (carried) return { state: carried.state, revision: carried.revision, position: carried.position };
      }
      throw procedureError(e, procedureId);
    }
  }
}

/** The states in which a procedure's workflow has ended for good. */
const ENDED: readonly string[] = ['closed', 'cancelled'];

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
  const cause = e instanceof WorkflowUpdateFailedError ? e.cause : (e as { cause?: unknown })?.cause;
  // A refused append (the log moved under the workflow) reaches the caller inside an ActivityFailure when the
  // append was an activity task (runs before the local-append patch), as itself when it was a local activity:
  // the same answer either way.
  const failure = cause instanceof ActivityFailure ? cause.cause : cause;
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
