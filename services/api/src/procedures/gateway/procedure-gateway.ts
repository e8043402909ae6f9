import { Inject, Injectable, Optional } from '@nestjs/common';
import { Directory } from '@vsoko/accounts';
import type { Db } from 'mongodb';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Conflict, isErrorKind, NotFound, Unavailable, vsokoError, type VsokoError } from '@vsoko/domain';
import {
  commandUpdate,
  FAILURE_PREFIX,
  PROCEDURES_TASK_QUEUE,
  procedureWorkflowId,
  snapshotQuery,
  type CommandEnvelope,
  type CommandOutcome,
  type ProcedureSnapshot,
} from '@vsoko/workflows/procedure/definitions';
import { READ_DB, TEMPORAL_CLIENT } from '../../infrastructure/tokens';

/** The API's only door to the procedure workflows; Temporal's errors become ours here and nowhere else. */
@Injectable()
export class ProcedureGateway {
  private readonly directory?: Directory;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Optional() @Inject(READ_DB) db?: Db,
  ) {
    this.directory = db ? new Directory(db) : undefined;
  }

  /** Starts the procedure's workflow if needed and runs the command on it, atomically (update-with-start). */
  async start(procedureId: string, given: CommandEnvelope): Promise<CommandOutcome> {
    const envelope = await this.withDistrict(given);
    const startOperation = new WithStartWorkflowOperation('procedureWorkflow', {
      workflowId: procedureWorkflowId(procedureId),
      taskQueue: PROCEDURES_TASK_QUEUE,
      args: [{ procedureId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(commandUpdate, {
        args: [envelope],
        startWorkflowOperation: startOperation,
      });
    } catch (e) {
      throw this.translate(e, procedureId);
    }
  }

  async execute(procedureId: string, envelope: CommandEnvelope): Promise<CommandOutcome> {
    try {
      return await this.client.workflow
        .getHandle(procedureWorkflowId(procedureId))
        .executeUpdate(commandUpdate, { args: [envelope] });
    } catch (e) {
      throw this.translate(e, procedureId);
    }
  }

  async snapshot(procedureId: string): Promise<ProcedureSnapshot> {
    try {
      return await this.client.workflow.getHandle(procedureWorkflowId(procedureId)).query(snapshotQuery);
    } catch (e) {
      throw this.translate(e, procedureId);
    }
  }

  /**
   * A procedure's first event names the school's district (from the accounts directory), so district-wide
   * KPIs and lists can group by it; a school the directory does not know simply has none.
   */
  private async withDistrict(envelope: CommandEnvelope): Promise<CommandEnvelope> {
    if (envelope.context.districtId || !this.directory) return envelope;
    const school = await this.directory.school(envelope.context.schoolId);
    return school?.districtId
      ? { ...envelope, context: { ...envelope.context, districtId: school.districtId } }
      : envelope;
  }

  private translate(e: unknown, procedureId: string): unknown {
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
}

function fromFailure(failure: ApplicationFailure): VsokoError | ApplicationFailure {
  const kind = failure.type?.startsWith(FAILURE_PREFIX)
    ? failure.type.slice(FAILURE_PREFIX.length)
    : undefined;
  if (!isErrorKind(kind)) return failure;
  const [code, details] = (failure.details ?? []) as [string?, Record<string, unknown>?];
  return vsokoError(kind, code ?? 'UNKNOWN', failure.message, details ?? undefined);
}
