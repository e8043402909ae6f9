import { json, type JsonBody } from '../harness';
import { FeedServer } from './feed-server';
import { calendar, type TestEvent } from './ics';
import { WebhookClient } from './webhook-client';
import { createIntegration, day, startCalendarServices, waitFor, type CalendarServices } from './setup';

interface SourceRow {
  feedId: string;
  kind: string;
  title: string;
  url?: string;
  lastSync?: {
    status: string;
    at: string;
    counts?: Record<string, number>;
    error?: { code: string; message: string };
  };
  imported: number;
  cancelled: number;
  warnings: string[];
}
interface IntegrationRow {
  integrationId: string;
  name: string;
  sources: SourceRow[];
}

/**
 * The settings screen's list of the calendars a school subscribes to (`GET /integrations/calendar/sources`) and
 * the preview before subscribing (`POST /integrations/calendar/preview`), on the real stack: the API, FerretDB,
 * Temporal and the integrations worker polling a calendar host on loopback (allowed as an operator would).
 */
describe('the calendars a school subscribes to: listed with their last sync, previewed before subscribing', () => {
  let s: CalendarServices;
  const host = new FeedServer();
  const allowedBefore = process.env.OUTBOUND_ALLOWED_HOSTS;
  beforeAll(async () => {
    // The API fetches a previewed address by the same rules as the worker: loopback only when allowed.
    process.env.OUTBOUND_ALLOWED_HOSTS = '127.0.0.1';
    [s] = await Promise.all([
      startCalendarServices('school-src-1', { outboundAllowedHosts: '127.0.0.1' }),
      host.start(),
    ]);
  });
  afterAll(async () => {
    if (allowedBefore === undefined) delete process.env.OUTBOUND_ALLOWED_HOSTS;
    else process.env.OUTBOUND_ALLOWED_HOSTS = allowedBefore;
    await host.stop();
    await s?.stopAll();
  });

  const list = async (school: string): Promise<IntegrationRow[]> => {
    const res = await s.api('GET', '/integrations/calendar/sources', undefined, school);
    expect(res.status).toBe(200);
    return ((await json(res)) as { integrations: IntegrationRow[] }).integrations;
  };

  const lessons: TestEvent = {
    uid: 'lessons@google.com',
    summary: '[ВСОКО] Посещение уроков',
    start: day(12),
    end: day(13),
    description: 'направление: процесс',
  };
  const survey: TestEvent = {
    uid: 'survey@google.com',
    summary: '[ВСОКО] Анкетирование родителей',
    start: day(20),
    end: day(21),
    description: 'направление: удовлетворённость',
  };
  const holiday: TestEvent = { uid: 'party@google.com', summary: 'Новогодний утренник', start: day(25) };
  const token = 'private-9f8e7d6c5b4a39281706f5e4d3c2b1a0';

  it('previews a feed without writing anything, then lists each feed, file and webhook with its last sync', async () => {
    const school = 'school-src-1';
    const integration = await createIntegration(s, school);
    const url = host.set(
      `/calendar/ical/school%40gmail.com/${token}/basic.ics`,
      calendar([lessons, survey, holiday]),
    );
    const logBefore = await s.store.readStream(`integration-${integration.integrationId}`);

    // The preview reads the address as a poll would and says what subscribing would do.
    const preview = await s.api('POST', '/integrations/calendar/preview', {
      integrationId: integration.integrationId,
      url,
    });
    expect(preview.status).toBe(200);
    const previewed = await json(preview);
    expect(previewed).toMatchObject({ counts: { schedule: 2, cancel: 0, ignore: 1, needs: 0 }, total: 3 });
    expect(
      (previewed.entries as Array<{ summary: string; action: string }>).map((e) => [e.summary, e.action]),
    ).toEqual([
      ['[ВСОКО] Посещение уроков', 'schedule'],
      ['[ВСОКО] Анкетирование родителей', 'schedule'],
    ]);
    // …and nothing was subscribed, polled or written.
    expect(await s.store.readStream(`integration-${integration.integrationId}`)).toHaveLength(
      logBefore.length,
    );
    expect((await list(school))[0].sources.map((f) => f.kind)).toEqual(['webhook']);

    // A feed that is not a calendar is refused in the preview with a Russian message quoting nothing of it.
    const junk = await s.api('POST', '/integrations/calendar/preview', {
      url: host.set('/junk.ics', 'secret-page'),
    });
    expect(junk.status).toBe(400);
    expect(await json(junk)).toMatchObject({
      code: 'ICS_MALFORMED',
      message: expect.stringMatching(/не файл iCalendar/),
    });
    const missing = await s.api('POST', '/integrations/calendar/preview', {
      url: host.fail('/gone.ics', 404),
    });
    expect(await json(missing)).toMatchObject({
      code: 'FEED_HTTP_ERROR',
      message: 'Календарь ответил кодом 404',
    });

    // Subscribe: one address that works, one that fails, one uploaded file; one webhook delivery.
    const subscribe = async (body: Record<string, unknown>) => {
      const res = await s.api('POST', `/integrations/calendar/${integration.integrationId}/feeds`, body);
      expect(res.status).toBe(201);
      return (await json(res)).feedId as string;
    };
    const google = await subscribe({ title: 'План ВСОКО (Google)', url });
    const broken = await subscribe({ title: 'Старый календарь', url: host.fail('/old.ics', 500) });
    const file = await subscribe({
      title: 'Файл из Outlook',
      ics: calendar([
        { ...survey, uid: 'outlook-survey', summary: '[ВСОКО] Смотр кабинетов', description: '' },
      ]),
    });
    for (const feedId of [google, broken, file])
      await s.api('POST', `/integrations/calendar/feeds/${feedId}/poll`);
    const client = new WebhookClient(s.baseUrl, integration.integrationId, integration.secret);
    const hook = await client.send(
      client.sign(calendar([{ ...lessons, uid: 'hook-1', summary: '[ВСОКО] Проверка журналов' }]), {
        key: 'k-1',
      }),
    );
    expect(hook.status).toBe(202);
    await waitFor(
      async () => (await list(school))[0].sources.find((f) => f.kind === 'webhook')?.lastSync,
      'the webhook delivery in the list',
    );

    const [row] = await list(school);
    expect(row).toMatchObject({ integrationId: integration.integrationId, name: 'Календарь школы' });
    const byId = new Map(row.sources.map((f) => [f.feedId, f]));
    expect(row.sources.map((f) => f.kind)).toEqual(['url', 'url', 'upload', 'webhook']);
    expect(byId.get(google)).toMatchObject({
      title: 'План ВСОКО (Google)',
      url: `${host.baseUrl}/calendar/ical/school%40gmail.com/•••/basic.ics`,
      lastSync: { status: 'changed', counts: { schedule: 2, ignored: 1 } },
      imported: 2,
      cancelled: 0,
    });
    expect(byId.get(broken)).toMatchObject({
      lastSync: {
        status: 'failed',
        error: { code: 'FEED_HTTP_ERROR', message: 'Календарь ответил кодом 500' },
      },
      imported: 0,
    });
    // The file names no direction: «Смотр кабинетов» is read as a condition from its title.
    expect(byId.get(file)).toMatchObject({ kind: 'upload', imported: 1 });
    expect(byId.get(`webhook-${integration.integrationId}`)).toMatchObject({
      lastSync: { status: 'changed', counts: { schedule: 1 } },
      imported: 1,
    });
    // No secret leaves: not the feed's token, not the webhook's secret, not the uploaded file.
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(token);
    expect(raw).not.toContain(integration.secret);
    expect(raw).not.toContain('BEGIN:VCALENDAR');
  });

  it('lists only the caller’s school, and another school’s integration is unknown to the preview', async () => {
    const mine = await createIntegration(s, 'school-src-2');
    const other = await list('school-src-3');
    expect(other).toEqual([]);
    const foreign = await s.api(
      'POST',
      '/integrations/calendar/preview',
      { integrationId: mine.integrationId, ics: calendar([lessons]) },
      'school-src-3',
    );
    expect(foreign.status).toBe(404);
    expect(await json(foreign)).toMatchObject({ code: 'INTEGRATION_NOT_FOUND' });

    // A deleted integration is a tombstone and is no longer listed.
    expect((await list('school-src-2')).map((i) => i.integrationId)).toEqual([mine.integrationId]);
    const removed = await s.api(
      'DELETE',
      `/integrations/calendar/${mine.integrationId}`,
      undefined,
      'school-src-2',
    );
    expect(removed.status).toBe(200);
    expect(await list('school-src-2')).toEqual([]);
  });

  it('refuses a preview with both an address and a file, and a teacher altogether', async () => {
    const both = await s.api('POST', '/integrations/calendar/preview', {
      url: `${host.baseUrl}/x.ics`,
      ics: calendar([lessons]),
    });
    expect(both.status).toBe(400);
    expect((await json(both)) as JsonBody).toMatchObject({ code: 'FEED_URL_OR_FILE' });
    const teacher = await s.loginAs('teacher', 'school-src-1');
    const res = await fetch(`${s.baseUrl}/integrations/calendar/sources`, { headers: teacher });
    expect(res.status).toBe(403);
  });
});
