import type { Client } from '@temporalio/client';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { EventStore } from '@vsoko/event-store';
import type { AllowList } from '@vsoko/outbound';
import type { Db } from 'mongodb';
import { createCalendarActivities } from '../../../workflows/calendar/activities';
import { INTEGRATIONS_TASK_QUEUE } from '../../../workflows/calendar/definitions';
import { WORKFLOWS_PATH } from './create-worker';

export interface IntegrationsWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  store: EventStore;
  db: Db;
  /** Activities drive the procedure workflows through it, as the API does. */
  temporal: Client;
  /** From OUTBOUND_ALLOWED_HOSTS: private hosts feeds may be fetched from. */
  outboundAllowList: AllowList;
  workflowBundle?: WorkerOptions['workflowBundle'];
  identity?: string;
}

/** The `integrations` task queue: calendar feed polls and webhook deliveries. */
export function createIntegrationsWorker(deps: IntegrationsWorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: INTEGRATIONS_TASK_QUEUE,
    ...(deps.workflowBundle ? { workflowBundle: deps.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createCalendarActivities({
      store: deps.store,
      db: deps.db,
      temporal: deps.temporal,
      outboundAllowList: deps.outboundAllowList,
    }),
    ...(deps.identity ? { identity: deps.identity } : {}),
  });
}
