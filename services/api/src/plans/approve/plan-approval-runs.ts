import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import { Directory } from '@vsoko/accounts';
import { NotFound } from '@vsoko/domain';
import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  planApprovalWorkflowId,
  progressQuery,
  type PlanApprovalInput,
  type PlanApprovalProgress,
} from '@vsoko/workflows/plan-approval/definitions';
import type { ReconcileReport } from '@vsoko/workflows/plan-approval/steps';
import type { planApprovalWorkflow } from '@vsoko/workflows/plan-approval/workflow';
import { PROCEDURES_TASK_QUEUE } from '@vsoko/workflows/procedure/definitions';
import { TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { ImportStore } from '../preview/import-store';

type Handle = WorkflowHandle<typeof planApprovalWorkflow>;

export interface ApprovalStatus {
  importId: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
  done: number;
  total: number;
  report?: ReconcileReport;
}

/** How often a waiting request (or the NDJSON stream) asks the workflow how far it got. */
const POLL_MS = 250;

/**
 * The fan-out of an approval runs as a Temporal workflow (workflows/plan-approval), not in the request: the API
 * starts it (or finds it running), can wait for it, and answers its progress to anyone of the school who asks.
 */
@Injectable()
export class PlanApprovalRuns {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly imports: ImportStore,
    private readonly directory: Directory,
  ) {}

  async start(importId: string, revision: number, input: PlanApprovalInput): Promise<Handle> {
    const school = await this.directory.school(input.context.schoolId);
    const context = school?.districtId ? { ...input.context, districtId: school.districtId } : input.context;
    const workflowId = planApprovalWorkflowId(input.planStream, revision);
    const handle = await this.client.workflow.start<typeof planApprovalWorkflow>('planApprovalWorkflow', {
      workflowId,
      taskQueue: PROCEDURES_TASK_QUEUE,
      args: [{ ...input, context }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    await this.imports.recordApproval(importId, workflowId);
    return handle;
  }

  /** Waits for the run's report, telling `onProgress` how far it got on the way. */
  async follow(handle: Handle, onProgress?: (done: number, total: number) => void): Promise<ReconcileReport> {
    if (!onProgress) return handle.result();
    let settled = false;
    const result = handle.result().finally(() => (settled = true));
    let last = -1;
    while (!settled) {
      const progress = await handle.query(progressQuery).catch(() => undefined);
      if (progress && progress.done !== last) {
        last = progress.done;
        onProgress(progress.done, progress.total);
      }
      await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, POLL_MS))]);
    }
    return result;
  }

  /** How far the last approval of this import got: for the CLI's progress bar, or a page that follows it. */
  async status(importId: string, principal: Principal): Promise<ApprovalStatus> {
    const stored = await this.imports.getFor(importId, principal);
    const workflowId = stored.approval?.workflowId;
    if (!workflowId) {
      throw new NotFound('PLAN_APPROVAL_NOT_FOUND', `Импорт ${importId} ещё не утверждался`);
    }
    const handle: Handle = this.client.workflow.getHandle(workflowId);
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING' && status.name !== 'COMPLETED') {
      return { importId, workflowId, status: 'failed', done: 0, total: 0 };
    }
    // A query is answered by a closed run too (replayed by a worker): the same shape while running and after.
    const progress: PlanApprovalProgress = await handle.query(progressQuery);
    return { importId, workflowId, status: status.name === 'RUNNING' ? 'running' : 'completed', ...progress };
  }
}
