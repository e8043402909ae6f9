import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Directory, type Principal } from '@vsoko/accounts';
import { NotFound, type CommandContext } from '@vsoko/domain';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { PROCEDURES_TASK_QUEUE } from '@vsoko/workflows/procedure/definitions';
import {
  staffImportProgressQuery,
  staffImportWorkflowId,
  type StaffImportInput,
  type StaffImportProgress,
  type StaffImportReport,
  type StaffRowStep,
} from '@vsoko/workflows/staff-import/definitions';
import type { staffImportWorkflow } from '@vsoko/workflows/staff-import/workflow';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { DirectoryFollower } from '../../people/directory-follower';
import { headerKey } from '../../shared/request-context';
import { requireDirectorOf } from '../preview-staff-import/preview-staff-import';
import { StaffImportStore } from '../shared/staff-import-store';
import type { StaffPreviewRow } from '../shared/staff-preview';

type Handle = WorkflowHandle<typeof staffImportWorkflow>;

/** How long GET …/approval waits for a worker to answer the progress query. */
const QUERY_WAIT_MS = 3_000;

export type StaffApproval = { workflowId: string } & StaffImportReport;

export interface StaffApprovalStarted {
  importId: string;
  workflowId: string;
  /** Where its progress is: GET /staff/imports/:staffImportId/approval. */
  progress: string;
}

export interface StaffApprovalStatus extends Partial<StaffImportProgress> {
  importId: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
}

/**
 * Step two of a staff import, as a durable Temporal workflow (workflows/staff-import), not a loop in the request:
 * each person of the preview is registered and given the positions the file names, in the director's name, and
 * everyone with an address is mailed an invitation — once: the same list approved again, or a later list naming
 * the same person, sends nothing twice. Positions the file no longer names are not removed: leaving is a decision
 * with a reason (handing over). The request waits for the report (then for the directory to show it, so the
 * people can sign in at once), or answers at once with where to follow the progress.
 */
@Injectable()
export class ApproveStaffImport {
  constructor(
    private readonly store: StaffImportStore,
    private readonly directory: Directory,
    private readonly follower: DirectoryFollower,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async approve(
    importId: string,
    principal: Principal,
    correlationId: string | undefined,
    wait: boolean,
  ): Promise<StaffApproval | StaffApprovalStarted> {
    const { preview } = await this.store.getFor(importId, principal);
    const schoolId = preview.schoolId;
    requireDirectorOf(principal, schoolId);
    const school = await this.directory.school(schoolId);
    const approvalId = `staff-approval:${importId}`;
    const context: CommandContext = {
      commandId: approvalId,
      actor: actorOf(principal),
      issuedAt: this.clock.now().toISOString(),
      correlationId: headerKey(correlationId, 'X-Correlation-Id') ?? `staff-import-${importId}`,
      causationId: approvalId,
      schoolId,
      ...(school?.districtId ? { districtId: school.districtId } : {}),
    };
    const input: StaffImportInput = {
      importId,
      schoolId,
      ...(school?.name ? { schoolName: school.name } : {}),
      rows: preview.rows.flatMap(stepOf),
      context,
    };
    const workflowId = staffImportWorkflowId(importId);
    const handle = await this.client.workflow.start<typeof staffImportWorkflow>('staffImportWorkflow', {
      workflowId,
      taskQueue: PROCEDURES_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    await this.store.recordApproval(importId, workflowId);
    if (!wait) return { importId, workflowId, progress: `/staff/imports/${importId}/approval` };
    const report = await handle.result();
    await this.follower.waitFor(report.position);
    return { workflowId, ...report };
  }

  /** How far the last approval of this list got: the same shape while it runs and after. */
  async status(importId: string, principal: Principal): Promise<StaffApprovalStatus> {
    const stored = await this.store.getFor(importId, principal);
    const workflowId = stored.approval?.workflowId;
    if (!workflowId) {
      throw new NotFound('STAFF_APPROVAL_NOT_FOUND', `Список ${importId} ещё не утверждался`);
    }
    const handle: Handle = this.client.workflow.getHandle(workflowId);
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING' && status.name !== 'COMPLETED') {
      return { importId, workflowId, status: 'failed' };
    }
    const state = status.name === 'RUNNING' ? 'running' : 'completed';
    // A closed run answers the query too (replayed by a worker); with no worker polling yet, nobody answers it:
    // the run is reported without its figures rather than holding the request.
    const progress = await Promise.race([
      handle.query(staffImportProgressQuery),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), QUERY_WAIT_MS).unref()),
    ]).catch(() => undefined);
    return { importId, workflowId, status: state, ...(progress ?? {}) };
  }
}

/** A preview row as the workflow's step: rows in error and positions the director may not give are left out. */
function stepOf(row: StaffPreviewRow): StaffRowStep[] {
  if (row.status === 'error' || !row.login) return [];
  return [
    {
      rowNumber: row.rowNumber,
      fullName: row.fullName,
      login: row.login,
      ...(row.email ? { email: row.email } : {}),
      positions: row.positions
        // The director's own row: the district administrator gave her the position, which a director may not give,
        // not even again (the person decider refuses the authority before it sees the repetition).
        .filter((p) => p.status !== 'skipped' && !(p.status === 'held' && p.position === 'director'))
        .map((p) => ({
          assignmentId: p.assignmentId,
          position: p.position,
          ...(p.className ? { className: p.className } : {}),
          ...(p.association ? { association: p.association } : {}),
          ...(p.subjects ? { subjects: p.subjects } : {}),
        })),
    },
  ];
}
