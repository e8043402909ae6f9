import { ActivityFailure, RetryState } from '@temporalio/common';
import { log, proxyActivities } from '@temporalio/workflow';
import { decisionStreamName, type DecisionState } from '../../libs/domain/src';
import type { NotificationActivities } from '../notifications/activities';
import {
  describeAddressee,
  isDecisionNotifiable,
  NOTIFICATIONS_TASK_QUEUE,
} from '../notifications/definitions';
import { messageOf } from '../procedure/side-effects';
import type { DecisionActivities, RecordedDecisionEvent } from './activities';

const NOTIFICATION_ATTEMPTS = 5;

// Chase steps are days apart, so a mail may take its retries (up to about an hour) before the next timer.
const { sendNotification } = proxyActivities<NotificationActivities>({
  taskQueue: NOTIFICATIONS_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '30 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    maximumAttempts: NOTIFICATION_ATTEMPTS,
  },
});

const { recordDecisionNotification } = proxyActivities<DecisionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/**
 * Mails whoever must hear of each recorded fact and records how the delivery went on the decision's stream,
 * so the audit trail shows every step with its addressee: sent to an address, or failed and why.
 */
export async function notifyRecorded(state: DecisionState, facts: RecordedDecisionEvent[]): Promise<void> {
  if (state.status === 'none') return;
  for (const { event, revision } of facts) {
    if (!isDecisionNotifiable(event)) continue;
    const notificationId = `${decisionStreamName(state.decisionId)}:${revision}`;
    const base = {
      decisionId: state.decisionId,
      notificationId,
      aboutRevision: revision,
      aboutType: event.type,
      channel: 'email' as const,
    };
    try {
      const delivery = await sendNotification({
        notificationId,
        schoolId: state.schoolId,
        decision: { decisionId: state.decisionId, timeZone: state.timeZone },
        event,
      });
      await recordDecisionNotification({ ...base, outcome: 'sent', ...delivery });
    } catch (e) {
      await recordDecisionNotification({
        ...base,
        outcome: 'failed',
        recipient: describeAddressee(event),
        attempt:
          e instanceof ActivityFailure && e.retryState === RetryState.MAXIMUM_ATTEMPTS_REACHED
            ? NOTIFICATION_ATTEMPTS
            : 1,
        error: messageOf(e),
      }).catch((recordError) =>
        log.error('decision notification outcome not recorded', {
          notificationId,
          error: messageOf(recordError),
        }),
      );
    }
  }
}
