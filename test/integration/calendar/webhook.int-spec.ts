import { json } from '../harness';
import { calendar, type TestEvent } from './ics';
import { createIntegration, day, startCalendarServices, waitFor, type CalendarServices } from './setup';
import { WebhookClient } from './webhook-client';

const SCHOOL = 'school-hook-1';

describe('calendar webhook: signed, recorded before 202, processed from the log by the integrations worker', () => {
  let s: CalendarServices;
  beforeAll(async () => {
    s = await startCalendarServices(SCHOOL);
  });
  afterAll(async () => {
    await s?.stopAll();
  });

  const stream = (integrationId: string) => s.store.readStream(`integration-${integrationId}`);
  const ofType = async (integrationId: string, type: string) =>
    (await stream(integrationId)).filter((e) => e.type === type);
  const procedureOf = async (integrationId: string, uid: string) => {
    for (const e of await ofType(integrationId, 'CalendarWebhookProcessed')) {
      const action = (e.data as { actions: Array<{ uid: string; procedureId: string }> }).actions.find(
        (a) => a.uid === uid,
      );
      if (action) return action.procedureId;
    }
    return undefined;
  };
  const procedureEvents = (id: string) => s.store.readStream(`procedure-${id}`);

  const survey: TestEvent = {
    uid: 'survey-2026@school-calendar',
    summary: '[ВСОКО] Анкетирование родителей',
    start: `${day(20)} 18:00`,
    end: `${day(20)} 19:00`,
    tzid: 'Europe/Moscow',
    description: 'направление: удовлетворённость\nответственный: Классные руководители',
  };

  it('takes a delivery once however often the client retries, refuses replays, stale and unsigned requests', async () => {
    const integration = await createIntegration(s, SCHOOL);
    const client = new WebhookClient(s.baseUrl, integration.integrationId, integration.secret);
    const body = calendar([survey]);

    const first = await client.deliver(body, 'change-1');
    expect(first).toMatchObject({ status: 202, body: { duplicate: false, receiptId: expect.any(String) } });
    const [received] = await ofType(integration.integrationId, 'CalendarWebhookReceived');
    expect(received).toMatchObject({
      id: first.body.receiptId,
      position: first.body.position,
      data: { idempotencyKey: 'change-1', ics: body },
      metadata: {
        actor: { id: `integration-${integration.integrationId}`, kind: 'integration' },
        schoolId: SCHOOL,
      },
    });

    const procedureId = await waitFor(() => procedureOf(integration.integrationId, survey.uid), 'processing');
    const [scheduled] = await procedureEvents(procedureId);
    expect(scheduled).toMatchObject({
      type: 'ProcedureScheduled',
      data: {
        schoolId: SCHOOL,
        title: 'Анкетирование родителей',
        direction: 'satisfaction',
        window: { from: day(20), to: day(20) },
      },
      metadata: { actor: { id: `integration-${integration.integrationId}`, kind: 'integration' } },
    });

    // The client did not see the answer and retries, re-signed, under the same key: the same receipt.
    const retry = await client.deliver(body, 'change-1');
    expect(retry).toMatchObject({ status: 202, body: { duplicate: true, receiptId: first.body.receiptId } });
    // The very same bytes again (same key) are that retry too; with another key, or none, they are a replay.
    const captured = client.sent[0].request;
    expect((await client.send(captured)).status).toBe(202);
    const replayed = await client.send({
      ...captured,
      headers: { ...captured.headers, 'idempotency-key': 'x-9' },
    });
    expect(replayed).toMatchObject({ status: 409, body: { code: 'WEBHOOK_REPLAYED' } });
    const keyless = client.sign(calendar([]));
    expect((await client.send(keyless)).status).toBe(202);
    expect(await client.send(keyless)).toMatchObject({ status: 409, body: { code: 'WEBHOOK_REPLAYED' } });

    expect(await client.send(client.sign(calendar([]), { key: 'change-1' }))).toMatchObject({
      status: 409,
      body: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    const stale = client.sign(body, { key: 'change-2', timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(await client.send(stale)).toMatchObject({
      status: 401,
      body: { code: 'WEBHOOK_TIMESTAMP_STALE' },
    });
    const forged = client.sign(body, { key: 'change-3', secret: 'guessed' });
    expect(await client.send(forged)).toMatchObject({
      status: 401,
      body: { code: 'WEBHOOK_SIGNATURE_INVALID' },
    });
    const stranger = new WebhookClient(s.baseUrl, 'cal-unknown', 'guessed');
    expect((await stranger.send(stranger.sign(body, { key: 'k' }))).status).toBe(401);
    const unsigned = await fetch(`${s.baseUrl}/integrations/calendar/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'text/calendar' },
      body,
    });
    expect(await json(unsigned)).toMatchObject({ statusCode: 401, code: 'WEBHOOK_SIGNATURE_REQUIRED' });

    // Exactly two deliveries were recorded: change-1 and the keyless one.
    expect(await ofType(integration.integrationId, 'CalendarWebhookReceived')).toHaveLength(2);
    expect(await procedureEvents(procedureId)).toHaveLength(1);

    // Later deliveries move and then cancel the same procedure.
    const moved = calendar([{ ...survey, start: `${day(27)} 18:00`, end: `${day(27)} 19:00`, sequence: 1 }]);
    expect((await client.deliver(moved, 'change-4')).status).toBe(202);
    await waitFor(async () => (await procedureEvents(procedureId)).length === 2, 'the move');
    expect((await procedureEvents(procedureId))[1]).toMatchObject({
      type: 'ProcedureRescheduled',
      data: { window: { from: day(27), to: day(27) } },
    });
    const cancelled = calendar([
      { ...survey, start: `${day(27)} 18:00`, end: `${day(27)} 19:00`, sequence: 2, status: 'CANCELLED' },
    ]);
    expect((await client.deliver(cancelled, 'change-5')).status).toBe(202);
    await waitFor(async () => (await procedureEvents(procedureId)).length === 3, 'the cancellation');
    expect((await procedureEvents(procedureId))[2]).toMatchObject({
      type: 'ProcedureCancelled',
      data: { reason: 'Событие отменено в календаре «Календарь школы (webhook)»' },
    });
  });

  it('keeps what it accepted while the worker is down and processes it when the worker is back', async () => {
    const integration = await createIntegration(s, SCHOOL);
    const client = new WebhookClient(s.baseUrl, integration.integrationId, integration.secret);
    await s.stopIntegrations();
    const event = { ...survey, uid: 'while-down@school-calendar' };
    const accepted = await client.deliver(calendar([event]), 'down-1');
    expect(accepted.status).toBe(202);
    expect(await ofType(integration.integrationId, 'CalendarWebhookReceived')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await ofType(integration.integrationId, 'CalendarWebhookProcessed')).toHaveLength(0);

    await s.startIntegrations();
    const procedureId = await waitFor(() => procedureOf(integration.integrationId, event.uid), 'catch-up');
    expect((await procedureEvents(procedureId)).map((e) => e.type)).toEqual(['ProcedureScheduled']);
  });

  it('accepts only text/calendar', async () => {
    const res = await fetch(`${s.baseUrl}/integrations/calendar/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ code: 'WEBHOOK_CONTENT_TYPE' });
  });
});
