import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from 'mongodb';
import { createNotificationActivities } from '../../../workflows/notifications/activities';
import { NOTIFICATIONS_TASK_QUEUE } from '../../../workflows/notifications/definitions';

/** Activities only: sending mail is slow and fallible, so it has its own queue and never holds up procedures. */
export function createNotificationsWorker(deps: {
  connection: NativeConnection;
  namespace: string;
  db: Db;
  smtpUrl: string;
}): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: NOTIFICATIONS_TASK_QUEUE,
    activities: createNotificationActivities({ db: deps.db, smtpUrl: deps.smtpUrl }),
  });
}
