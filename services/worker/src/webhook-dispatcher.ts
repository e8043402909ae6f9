import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { EventStore, RecordedEvent, Subscription } from '@vsoko/event-store';
import type { Db } from 'mongodb';
import { INTEGRATIONS_TASK_QUEUE, webhookWorkflowId } from '../../../workflows/calendar/definitions';

const CHECKPOINT = 'webhook-dispatch';
const MAX_BACKOFF_MS = 30_000;

/**
 * Every webhook delivery the API recorded gets its processing workflow, even one that arrived while Temporal
 * was away: this follows the log from its checkpoint and starts the delivery's workflow (its id is derived
 * from the event, so one the API already started is simply found). A batch is checkpointed only after each
 * of its deliveries has a workflow.
 */
export async function dispatchRecordedWebhooks(deps: {
  store: EventStore;
  db: Db;
  temporal: Client;
  log?: (message: string) => void;
}): Promise<Subscription> {
  const checkpoints = deps.db.collection<{ _id: string; position: number }>('checkpoints');
  const afterPosition = (await checkpoints.findOne({ _id: CHECKPOINT }))?.position ?? 0;
  let stopped = false;
  const subscription = deps.store.subscribeToAll(
    async (events) => {
      for (const event of events) {
        if (event.type === 'CalendarWebhookReceived') await startUntilDone(event);
      }
      await checkpoints.updateOne(
        { _id: CHECKPOINT },
        { $set: { position: events[events.length - 1].position } },
        { upsert: true },
      );
    },
    { afterPosition, batchSize: 100 },
  );

  async function startUntilDone(event: RecordedEvent): Promise<void> {
    const { integrationId } = event.data as { integrationId: string };
    for (let delay = 500; !stopped; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      try {
        await deps.temporal.workflow.start('calendarWebhookWorkflow', {
          workflowId: webhookWorkflowId(integrationId, event.id),
          taskQueue: INTEGRATIONS_TASK_QUEUE,
          args: [{ integrationId, position: event.position }],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
        return;
      } catch (e) {
        if (e instanceof WorkflowExecutionAlreadyStartedError) return;
        deps.log?.(
          `доставка ${event.id} ждёт Temporal: ${(e as Error).message}; повтор через ${delay / 1000} с`,
        );
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  return {
    caughtUpTo: (position) => subscription.caughtUpTo(position),
    done: subscription.done,
    async stop() {
      stopped = true;
      await subscription.stop();
    },
  };
}
