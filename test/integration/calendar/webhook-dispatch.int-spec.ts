import { createHash, randomUUID } from 'node:crypto';
import { metadataFor } from '@vsoko/domain';
import { webhookWorkflowId } from '@vsoko/workflows/calendar/definitions';
import { dispatchRecordedWebhooks } from '../../../services/worker/src/webhook-dispatcher';
import { startServices, type Services } from '../harness';

/** Deliveries recorded while Temporal was unreachable get their processing workflow once the worker runs. */
describe('webhook deliveries recorded in the log without a workflow', () => {
  let s: Services;
  beforeAll(async () => {
    s = await startServices({ api: false, projector: false });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('are dispatched from the log, once each, and the checkpoint remembers it', async () => {
    const integrationId = `int-${randomUUID().slice(0, 8)}`;
    const ids = [randomUUID(), randomUUID()];
    const body = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    const { position } = await s.store.append(
      `integration-${integrationId}`,
      ids.map((id, i) => ({
        id,
        type: 'CalendarWebhookReceived',
        data: {
          integrationId,
          idempotencyKey: `k-${i}`,
          bodySha256: createHash('sha256').update(body).digest('hex'),
          signedAt: new Date().toISOString(),
          ics: body,
        },
        metadata: metadataFor({
          commandId: `webhook:k-${i}`,
          actor: { id: `integration-${integrationId}`, kind: 'integration' },
          issuedAt: new Date().toISOString(),
          correlationId: `k-${i}`,
          causationId: `k-${i}`,
          schoolId: 'school-1',
        }),
      })),
      'no_stream',
    );

    const first = await dispatchRecordedWebhooks({ store: s.store, db: s.db, temporal: s.temporal });
    await first.caughtUpTo(position);
    await first.stop();
    for (const id of ids) {
      const description = await s.temporal.workflow
        .getHandle(webhookWorkflowId(integrationId, id))
        .describe();
      expect(description.type).toBe('calendarWebhookWorkflow');
    }
    const checkpoint = await s.db
      .collection<{ _id: string; position: number }>('checkpoints')
      .findOne({ _id: 'webhook-dispatch' });
    expect(checkpoint?.position).toBeGreaterThanOrEqual(position);

    // A restarted dispatcher starts from its checkpoint and finds nothing to redo.
    const second = await dispatchRecordedWebhooks({ store: s.store, db: s.db, temporal: s.temporal });
    await second.caughtUpTo(position);
    await second.stop();
    const runs = await s.temporal.workflow.list({
      query: `WorkflowId = '${webhookWorkflowId(integrationId, ids[0])}'`,
    });
    let count = 0;
    for await (const _ of runs) count++;
    expect(count).toBe(1);
  });
});
