import { NativeConnection, Worker } from '@temporalio/worker';
import type { EventStore } from '@vsoko/event-store';
import type { Db } from 'mongodb';
import { createNotificationActivities } from '../../../workflows/notifications/activities';
import { NOTIFICATIONS_TASK_QUEUE } from '../../../workflows/notifications/definitions';
import { createStaffInvitationActivities } from '../../../workflows/staff-import/activities';

/** Activities only: sending mail is slow and fallible, so it has its own queue and never holds up procedures. */
export function createNotificationsWorker(deps: {
  connection: NativeConnection;
  namespace: string;
  db: Db;
  smtpUrl: string;
  /** Invitations of approved staff lists (workflows/staff-import); without it they are not sent from here. */
  invitations?: { store: EventStore; publicUrl: string; invitationTtlHours: number };
}): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: NOTIFICATIONS_TASK_QUEUE,
    activities: {
      ...createNotificationActivities({ db: deps.db, smtpUrl: deps.smtpUrl }),
      ...(deps.invitations
        ? createStaffInvitationActivities({ ...deps.invitations, db: deps.db, smtpUrl: deps.smtpUrl })
        : {}),
    },
  });
}
