import type { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { EventStore } from '@vsoko/event-store';
import type { Logger } from '@vsoko/observability';
import * as path from 'node:path';
import { createDecisionActivities } from '../../../workflows/decision/activities';
import { createMeetingActivities } from '../../../workflows/meeting/activities';
import { createPlanApprovalActivities } from '../../../workflows/plan-approval/activities';
import { createProcedureActivities } from '../../../workflows/procedure/activities';
import { PROCEDURES_TASK_QUEUE } from '../../../workflows/procedure/definitions';
import { createStaffRowActivities } from '../../../workflows/staff-import/activities';
import { activityTiming } from './activity-timing';

/** The workflow bundle's entry, from source (tests) and from dist/ alike. */
export const WORKFLOWS_PATH = require.resolve(path.resolve(__dirname, '..', '..', '..', 'workflows'));

export interface ProcedureWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  store: EventStore;
  /** Plan approvals and held meetings drive the procedure workflows through it, as the API does; without it they are not run here. */
  temporal?: Client;
  /** A prebuilt bundle (tests share one); otherwise the worker bundles WORKFLOWS_PATH itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  identity?: string;
  /**
   * Where each activity attempt's timing goes (activity-timing.ts: a `warn` line for a slow or retried attempt,
   * with what it waited for); without it, nothing is timed.
   */
  activityLog?: Logger;
}

export function createProcedureWorker(deps: ProcedureWorkerDeps): Promise<Worker> {
  const timing = deps.activityLog ? activityTiming(deps.activityLog) : undefined;
  const store = timing ? timing.store(deps.store) : deps.store;
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: PROCEDURES_TASK_QUEUE,
    ...(deps.workflowBundle ? { workflowBundle: deps.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: {
      ...createProcedureActivities({ store }),
      ...createDecisionActivities({ store, temporal: deps.temporal }),
      ...createStaffRowActivities({ store }),
      ...(deps.temporal ? createPlanApprovalActivities({ temporal: deps.temporal, store }) : {}),
      ...(deps.temporal ? createMeetingActivities({ store, temporal: deps.temporal }) : {}),
    },
    ...(timing ? { interceptors: { activity: [timing.interceptors] } } : {}),
    ...(deps.identity ? { identity: deps.identity } : {}),
  });
}
