import { proxyActivities } from '@temporalio/workflow';
import type { CalendarActivities } from './activities';
import type { CalendarRunSummary, PollFeedInput, ProcessWebhookInput } from './definitions';

// A failure of the feed itself (unreachable, malformed) is recorded by the activity and returned, not thrown:
// retries are for our own infrastructure (log, MongoDB, Temporal) being briefly away.
const { pollCalendarSource, processCalendarWebhook } = proxyActivities<CalendarActivities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    backoffCoefficient: 2,
    maximumAttempts: 10,
  },
});

/** Started by the feed's Schedule (or by «обновить сейчас»): one conditional GET and what follows from it. */
export async function calendarFeedPollWorkflow(input: PollFeedInput): Promise<CalendarRunSummary> {
  return pollCalendarSource(input.sourceId);
}

/** Processes one webhook delivery recorded in the log. */
export async function calendarWebhookWorkflow(input: ProcessWebhookInput): Promise<CalendarRunSummary> {
  return processCalendarWebhook(input);
}
