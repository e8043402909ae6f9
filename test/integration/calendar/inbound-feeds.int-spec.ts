import { ScheduleNotFoundError } from '@temporalio/client';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { feedScheduleId } from '@vsoko/workflows/calendar/definitions';
import type { RecordedEvent } from '@vsoko/event-store';
import { putAccount } from '../auth/accounts';
import { json, type JsonBody } from '../harness';
import { FeedServer } from './feed-server';
import { WebhookClient } from './webhook-client';
import { calendar, OUTLOOK_EKATERINBURG, type TestEvent } from './ics';
import { createIntegration, day, startCalendarServices, waitFor, type CalendarServices } from './setup';

describe('inbound calendar feeds: a Schedule polls each feed; marked events schedule, move and cancel procedures', () => {
  let s: CalendarServices;
  const host = new FeedServer();
  beforeAll(async () => {
    // The test's feed host listens on loopback, which the worker refuses unless the operator allows it.
    [s] = await Promise.all([
      startCalendarServices('school-cal-1', { outboundAllowedHosts: '127.0.0.1' }),
      host.start(),
    ]);
  });
  afterAll(async () => {
    await host.stop();
    await s?.stopAll();
  });

  const poll = async (feedId: string, school = 'school-cal-1'): Promise<JsonBody> => {
    const res = await s.api('POST', `/integrations/calendar/feeds/${feedId}/poll`, undefined, school);
    expect(res.status).toBe(200);
    return json(res);
  };
  const status = async (feedId: string, school = 'school-cal-1') =>
    json(await s.api('GET', `/integrations/calendar/feeds/${feedId}`, undefined, school));
  const procedureEvents = (id: string) => s.store.readStream(`procedure-${id}`);
  const integrationEvents = async (integrationId: string, type: string) =>
    (await s.store.readStream(`integration-${integrationId}`)).filter((e) => e.type === type);

  /** The procedure ids the feed's actions named, by the calendar event's UID (not those left aside). */
  async function proceduresOf(integrationId: string): Promise<Map<string, string[]>> {
    const byUid = new Map<string, string[]>();
    for (const e of await integrationEvents(integrationId, 'CalendarFeedPolled')) {
      const actions = (e.data as { actions: Array<{ uid: string; procedureId: string; result: string }> })
        .actions;
      for (const a of actions.filter((x) => x.result !== 'ignored')) {
        const ids = byUid.get(a.uid) ?? [];
        if (!ids.includes(a.procedureId)) ids.push(a.procedureId);
        byUid.set(a.uid, ids);
      }
    }
    return byUid;
  }

  it('schedules, ignores unchanged content by ETag, moves, cancels and notices deletions, all as the integration', async () => {
    const school = 'school-cal-1';
    const integration = await createIntegration(s, school, 'Europe/Moscow');
    const actor = { id: `integration-${integration.integrationId}`, kind: 'integration' };

    // A weekly Google-style rule in Moscow time with one date excluded, an Outlook-style event written in
    // «Ekaterinburg Standard Time» at 01:00 (23:00 the day before in the school's Moscow time), and an
    // ordinary meeting nobody marked.
    const weekly: TestEvent = {
      uid: 'weekly-lessons@google.com',
      summary: '[ВСОКО] Посещение уроков',
      start: `${day(14)} 10:00`,
      end: `${day(14)} 11:00`,
      tzid: 'Europe/Moscow',
      rrule: 'FREQ=WEEKLY;COUNT=3',
      exdate: [`${day(21)} 10:00`],
      description: 'направление: процесс\nответственный: Заместитель директора по УВР',
    };
    const outlook: TestEvent = {
      uid: '040000008200E00074C5B7101A82E008-survey',
      summary: 'Анкетирование родителей',
      start: `${day(30)} 01:00`,
      end: `${day(30)} 01:50`,
      tzid: 'Ekaterinburg Standard Time',
      categories: 'ВСОКО',
      x: { 'X-VSOKO-DIRECTION': 'satisfaction', 'X-VSOKO-RESPONSIBLE': 'Классные руководители' },
    };
    const meeting: TestEvent = {
      uid: 'meeting@google.com',
      summary: 'Общее собрание',
      start: `${day(15)} 15:00`,
      tzid: 'Europe/Moscow',
    };
    const url = host.set('/school-1/basic.ics', calendar([weekly, outlook, meeting], OUTLOOK_EKATERINBURG));

    const subscribed = await s.api('POST', `/integrations/calendar/${integration.integrationId}/feeds`, {
      title: 'План ВСОКО (Google)',
      url,
      pollEveryMinutes: 30,
    });
    expect(subscribed.status).toBe(201);
    const { feedId } = await json(subscribed);

    const schedule = await s.temporal.schedule.getHandle(feedScheduleId(feedId)).describe();
    expect(schedule.spec.intervals?.[0]?.every).toBe(30 * 60_000);
    expect(schedule.action).toMatchObject({
      workflowType: 'calendarFeedPollWorkflow',
      taskQueue: 'integrations',
    });

    // The subscription started a first poll; this one either does the work or finds it done.
    await poll(feedId);
    const first = await status(feedId);
    expect(first.lastPoll.status).toMatch(/changed|not-modified/);

    const ids = await proceduresOf(integration.integrationId);
    const weeklyIds = ids.get(weekly.uid)!;
    const [surveyId] = ids.get(outlook.uid)!;
    expect(weeklyIds).toHaveLength(2);
    expect(ids.has(meeting.uid)).toBe(false);

    const scheduled = await Promise.all([...weeklyIds, surveyId].map(procedureEvents));
    expect(scheduled.map((events) => events.map((e) => e.type))).toEqual([
      ['ProcedureScheduled'],
      ['ProcedureScheduled'],
      ['ProcedureScheduled'],
    ]);
    const windows = scheduled.map((events) => (events[0].data as { window: unknown }).window);
    expect(windows).toEqual([
      { from: day(14), to: day(14) },
      { from: day(28), to: day(28) },
      // 01:00 in Yekaterinburg is 23:00 the day before in Moscow: the school's day is the day before.
      { from: day(29), to: day(29) },
    ]);
    for (const [event] of scheduled) {
      expect(event.metadata).toMatchObject({ actor, schoolId: school });
      expect(event.data).toMatchObject({ schoolId: school, timeZone: 'Europe/Moscow' });
    }
    expect(scheduled[2][0].data).toMatchObject({
      title: 'Анкетирование родителей',
      direction: 'satisfaction',
      responsible: { name: 'Классные руководители' },
    });

    // Unchanged: the feed host answers 304 to the conditional GET and nothing is written.
    const unchanged = await poll(feedId);
    expect(unchanged.status).toBe('not-modified');
    const conditional = host.requestsFor('/school-1/basic.ics').at(-1)!;
    expect(conditional).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/) });
    expect(conditional.ifModifiedSince).toBeTruthy();

    // The Outlook event moves a week later (SEQUENCE 1); the second weekly occurrence is cancelled.
    const movedOutlook = { ...outlook, start: `${day(37)} 09:00`, end: `${day(37)} 10:00`, sequence: 1 };
    const cancelledOccurrence: TestEvent = {
      ...weekly,
      rrule: undefined,
      exdate: undefined,
      recurrenceId: `${day(28)} 10:00`,
      start: `${day(28)} 10:00`,
      end: `${day(28)} 11:00`,
      status: 'CANCELLED',
      sequence: 1,
    };
    host.set(
      '/school-1/basic.ics',
      calendar([weekly, cancelledOccurrence, movedOutlook, meeting], OUTLOOK_EKATERINBURG),
    );
    const changed = await poll(feedId);
    expect(changed).toMatchObject({ status: 'changed', counts: { move: 1, cancel: 1 } });

    const survey = await procedureEvents(surveyId);
    expect(survey.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedureRescheduled']);
    expect(survey[1].data).toEqual({
      procedureId: surveyId,
      previousWindow: { from: day(29), to: day(29) },
      window: { from: day(37), to: day(37) },
      reason: 'Перенесено в календаре «План ВСОКО (Google)»',
    });
    expect(survey[1].metadata.actor).toEqual(actor);
    const secondWeekly = await procedureEvents(weeklyIds[1]);
    expect(secondWeekly.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedureCancelled']);
    expect(secondWeekly[1].data).toMatchObject({
      reason: 'Событие отменено в календаре «План ВСОКО (Google)»',
    });

    // The whole weekly series is deleted from the calendar: its remaining procedure is cancelled.
    host.set('/school-1/basic.ics', calendar([movedOutlook, meeting], OUTLOOK_EKATERINBURG));
    expect(await poll(feedId)).toMatchObject({ status: 'changed', counts: { cancel: 1 } });
    const firstWeekly = await procedureEvents(weeklyIds[0]);
    expect(firstWeekly.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedureCancelled']);
    expect(firstWeekly[1].data).toMatchObject({
      reason: 'Событие удалено из календаря «План ВСОКО (Google)»',
    });
    // …and the already-cancelled one is not cancelled twice.
    expect(await procedureEvents(weeklyIds[1])).toHaveLength(2);

    // The same content served again under a new ETag changes nothing: the body's hash is compared too.
    host.set('/school-1/basic.ics', calendar([movedOutlook, meeting], OUTLOOK_EKATERINBURG) + '\r\n');
    const polledBefore = (await integrationEvents(integration.integrationId, 'CalendarFeedPolled')).length;
    const again = await poll(feedId);
    expect(['changed', 'not-modified']).toContain(again.status);
    expect(again.counts.schedule ?? 0).toBe(0);
    expect(await procedureEvents(surveyId)).toHaveLength(2);
    expect(
      (await integrationEvents(integration.integrationId, 'CalendarFeedPolled')).length,
    ).toBeLessThanOrEqual(polledBefore + 1);

    // The feed's Schedule, fired now rather than in 30 minutes, polls the same way.
    const before = (await status(feedId)).lastPoll.at as string;
    await s.temporal.schedule.getHandle(feedScheduleId(feedId)).trigger();
    await waitFor(async () => (await status(feedId)).lastPoll.at !== before, 'the scheduled poll');

    const final = await status(feedId);
    expect(final).toMatchObject({
      feedId,
      kind: 'url',
      url,
      lastPoll: { status: expect.any(String) },
      occurrences: { known: 3, cancelled: 2 },
      schedule: { id: feedScheduleId(feedId), paused: false },
    });
  });

  it('records an unreachable feed and a malformed file as visible failures, and other feeds go on', async () => {
    const integration = await createIntegration(s, 'school-cal-1');
    const feeds = `/integrations/calendar/${integration.integrationId}/feeds`;
    const create = async (body: object) => {
      const res = await s.api('POST', feeds, body);
      const created = await json(res);
      expect({ status: res.status, created }).toMatchObject({ status: 201 });
      return created.feedId as string;
    };

    const unreachable = await create({ title: 'Старый сервер', url: 'http://127.0.0.1:9/calendar.ics' });
    const broken = await create({
      title: 'Сломанный экспорт',
      url: host.set('/broken.ics', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n'),
    });
    const failing = await create({ title: 'Ошибка сервера', url: host.fail('/500.ics', 500) });
    // An allowed host answers a page instead of a calendar: its bytes stay out of the status and the log.
    const page = await create({
      title: 'Страница вместо календаря',
      url: host.set('/ui', '<!doctype html><title>internal-dashboard-token-7f3a</title>'),
    });
    // An allowed host redirects to the cloud metadata address: the redirect is checked like the first URL.
    const redirected = await create({
      title: 'Перенаправление',
      url: host.redirect('/moved.ics', 'http://169.254.169.254/latest/meta-data/'),
    });
    const good = await create({
      title: 'Исправный',
      url: host.set(
        '/good.ics',
        calendar([
          {
            uid: 'good-1',
            summary: 'Срез знаний #vsoko',
            start: day(20),
            end: day(22),
            description: 'направление: результаты',
          },
        ]),
      ),
    });

    const results = await Promise.all(
      [unreachable, broken, failing, page, redirected, good].map((id) => poll(id)),
    );
    expect(results.map((r) => r.status)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      expect.stringMatching(/changed|not-modified/),
    ]);
    expect(results.slice(0, 5).map((r) => r.error.code)).toEqual([
      'FEED_UNREACHABLE',
      'ICS_MALFORMED',
      'FEED_HTTP_ERROR',
      'ICS_MALFORMED',
      'FEED_ADDRESS_FORBIDDEN',
    ]);
    expect(results[2].error.message).toBe('Календарь ответил кодом 500');
    const pageStatus = await status(page);
    expect(pageStatus.lastPoll.error.message).toMatch(/не файл iCalendar/);
    expect(JSON.stringify(pageStatus)).not.toContain('internal-dashboard-token');
    expect(
      JSON.stringify(await s.store.readStream(`integration-${integration.integrationId}`)),
    ).not.toContain('internal-dashboard-token');

    const shown = await status(broken);
    expect(shown.lastPoll).toMatchObject({
      status: 'failed',
      error: { code: 'ICS_MALFORMED', message: expect.stringMatching(/не читается/) },
    });
    const failures: RecordedEvent[] = await integrationEvents(
      integration.integrationId,
      'CalendarFeedPollFailed',
    );
    expect(failures.map((e) => (e.data as { sourceId: string }).sourceId).sort()).toEqual(
      expect.arrayContaining([unreachable, broken, failing].sort()),
    );
    expect(failures[0].metadata.actor).toEqual({
      id: `integration-${integration.integrationId}`,
      kind: 'integration',
    });

    const [goodProcedure] = (await proceduresOf(integration.integrationId)).get('good-1')!;
    const events = await procedureEvents(goodProcedure);
    expect(events[0]).toMatchObject({
      type: 'ProcedureScheduled',
      data: { window: { from: day(20), to: day(21) }, direction: 'results' },
    });
  });

  it('accepts an uploaded .ics file and a new version of it', async () => {
    const integration = await createIntegration(s, 'school-cal-1');
    const event: TestEvent = {
      uid: 'upload-1',
      summary: 'Мониторинг адаптации',
      start: day(40),
      end: day(45),
      categories: 'ВСОКО',
      description: 'direction: process',
    };
    const created = await s.api('POST', `/integrations/calendar/${integration.integrationId}/feeds`, {
      title: 'Файл от завуча',
      ics: calendar([event]),
    });
    expect(created.status).toBe(201);
    const { feedId } = await json(created);
    await poll(feedId);
    const [procedureId] = (await proceduresOf(integration.integrationId)).get('upload-1')!;
    expect((await procedureEvents(procedureId))[0].data).toMatchObject({
      window: { from: day(40), to: day(44) },
    });

    const replaced = await s.api('PUT', `/integrations/calendar/feeds/${feedId}/file`, {
      ics: calendar([{ ...event, start: day(47), end: day(48), sequence: 1 }]),
    });
    expect(replaced.status).toBe(202);
    expect(await poll(feedId)).toMatchObject({ status: expect.stringMatching(/changed|not-modified/) });
    const after = await procedureEvents(procedureId);
    expect(after.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedureRescheduled']);
    expect(after[1].data).toMatchObject({ window: { from: day(47), to: day(47) } });
  });

  it('schedules an event whose responsible is a login of the school, and refuses another school’s login', async () => {
    await putAccount(s, { login: 'kozlova.nv', role: 'teacher', scope: 'school-cal-1', password: null });
    await putAccount(s, { login: 'stranger.nv', role: 'teacher', scope: 'school-cal-other', password: null });
    const integration = await createIntegration(s, 'school-cal-1');
    const event = (uid: string, login: string): TestEvent => ({
      uid,
      summary: 'Анкетирование родителей',
      start: day(50),
      end: day(52),
      categories: 'ВСОКО',
      description: 'direction: satisfaction',
      x: { 'X-VSOKO-RESPONSIBLE': 'Козлова Н. В.', 'X-VSOKO-RESPONSIBLE-ID': login },
    });
    const created = await s.api('POST', `/integrations/calendar/${integration.integrationId}/feeds`, {
      title: 'Календарь классных руководителей',
      ics: calendar([event('own-login', 'kozlova.nv'), event('foreign-login', 'stranger.nv')]),
    });
    expect(created.status).toBe(201);
    await poll((await json(created)).feedId);

    const actions = (await integrationEvents(integration.integrationId, 'CalendarFeedPolled')).flatMap(
      (e) =>
        (e.data as { actions: Array<{ uid: string; procedureId: string; result: string; code?: string }> })
          .actions,
    );
    const own = actions.find((a) => a.uid === 'own-login')!;
    expect(own).toMatchObject({ result: 'applied' });
    expect((await procedureEvents(own.procedureId))[0].data).toMatchObject({
      responsible: { name: 'Козлова Н. В.', personId: 'kozlova.nv' },
    });
    const foreign = actions.filter((a) => a.uid === 'foreign-login');
    expect(foreign.length).toBeGreaterThan(0);
    for (const a of foreign) expect(a).toMatchObject({ result: 'refused', code: 'PERSON_NOT_FOUND' });
    expect(await procedureEvents(foreign[0].procedureId)).toHaveLength(0);
  });

  it('schedules a Google export whose events carry only the [ВСОКО] tag, with a direction from each title', async () => {
    const integration = await createIntegration(s, 'school-cal-1');
    const ics = fs.readFileSync(
      path.resolve(__dirname, '../../fixtures/calendar/google-tag-only.ics'),
      'utf8',
    );
    const created = await s.api('POST', `/integrations/calendar/${integration.integrationId}/feeds`, {
      title: 'Календарь завуча (Google)',
      ics,
    });
    expect(created.status).toBe(201);
    const { feedId } = await json(created);
    await poll(feedId);

    const byUid = await proceduresOf(integration.integrationId);
    const directions = new Map<string, Set<string>>();
    for (const [uid, ids] of byUid) {
      for (const id of ids) {
        const [scheduled] = await procedureEvents(id);
        const data = scheduled.data as { direction: string; title: string };
        expect(scheduled.type).toBe('ProcedureScheduled');
        directions.set(data.title, (directions.get(data.title) ?? new Set()).add(data.direction));
      }
      expect(uid).toMatch(/@google\.com$/);
    }
    expect(Object.fromEntries([...directions].map(([title, set]) => [title, [...set]]))).toEqual({
      'ВПР по математике, 4 класс': ['results'],
      'Посещение уроков в 1-х классах': ['process'],
      'Анкетирование родителей «Удовлетворённость питанием»': ['satisfaction'],
      'Контрольная работа по русскому языку (5 классы)': ['results'],
    });

    // The one marked event whose title names no direction is asked about, not silently dropped.
    const shown = await status(feedId);
    expect(shown.warnings).toEqual([
      expect.objectContaining({
        summary: '[ВСОКО] Заседание рабочей группы',
        needs: 'direction',
        message: expect.stringMatching(/направление/),
      }),
    ]);
  });

  it('deletes a feed and then the whole integration: Schedules gone, procedures and history kept', async () => {
    const integration = await createIntegration(s, 'school-cal-1');
    const { integrationId } = integration;
    const feeds = `/integrations/calendar/${integrationId}/feeds`;
    const url = host.set(
      '/deleted.ics',
      calendar([
        {
          uid: 'del-1',
          summary: '[ВСОКО] ВПР по истории',
          start: day(25),
          description: 'направление: результаты',
        },
      ]),
    );
    const polled = await json(await s.api('POST', feeds, { title: 'Опрашиваемый', url }));
    const uploaded = await json(await s.api('POST', feeds, { title: 'Файл', ics: calendar([]) }));
    await poll(polled.feedId);
    const [procedureId] = (await proceduresOf(integrationId)).get('del-1')!;
    const stream = () => s.store.readStream(`integration-${integrationId}`);

    // Another school's director cannot delete it, nor learn that it exists. Their first request opens their
    // account on the log, so they sign in before the position is taken.
    expect((await s.api('GET', '/auth/me', undefined, 'school-cal-other')).status).toBe(200);
    const before = await s.store.headPosition();
    const foreign = await s.api(
      'DELETE',
      `/integrations/calendar/feeds/${polled.feedId}`,
      undefined,
      'school-cal-other',
    );
    expect(foreign.status).toBe(404);
    const foreignIntegration = await s.api(
      'DELETE',
      `/integrations/calendar/${integrationId}`,
      undefined,
      'school-cal-other',
    );
    expect(foreignIntegration.status).toBe(404);
    expect(await s.store.headPosition()).toBe(before);

    const webhookFeed = await s.api('DELETE', `/integrations/calendar/feeds/webhook-${integrationId}`);
    expect({ status: webhookFeed.status, code: (await json(webhookFeed)).code }).toEqual({
      status: 400,
      code: 'FEED_IS_WEBHOOK',
    });

    const removed = await s.api('DELETE', `/integrations/calendar/feeds/${polled.feedId}`);
    expect(removed.status).toBe(200);
    expect(await json(removed)).toMatchObject({
      feedId: polled.feedId,
      integrationId,
      position: expect.any(Number),
    });
    await expect(
      s.temporal.schedule.getHandle(feedScheduleId(polled.feedId)).describe(),
    ).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect((await s.api('GET', `/integrations/calendar/feeds/${polled.feedId}`)).status).toBe(404);
    expect((await s.api('POST', `/integrations/calendar/feeds/${polled.feedId}/poll`)).status).toBe(404);
    expect((await s.api('DELETE', `/integrations/calendar/feeds/${polled.feedId}`)).status).toBe(404);
    expect((await procedureEvents(procedureId)).map((e) => e.type)).toEqual(['ProcedureScheduled']);

    const webhook = new WebhookClient(s.baseUrl, integrationId, integration.secret);
    const gone = await s.api('DELETE', `/integrations/calendar/${integrationId}`);
    expect(gone.status).toBe(200);
    expect((await s.api('GET', `/integrations/calendar/feeds/${uploaded.feedId}`)).status).toBe(404);
    expect((await s.api('POST', feeds, { title: 'Ещё один', ics: calendar([]) })).status).toBe(404);
    expect((await webhook.send(webhook.sign(calendar([])))).status).toBe(401);
    // The id stays taken: its stream in the log belongs to the deleted integration.
    const again = await s.api('POST', '/integrations/calendar', {
      id: integrationId,
      schoolId: 'school-cal-1',
      name: 'Снова',
    });
    expect(again.status).toBe(409);
    expect((await s.api('DELETE', `/integrations/calendar/${integrationId}`)).status).toBe(404);

    const history = await stream();
    expect(history.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'CalendarIntegrationCreated',
        'CalendarFeedSubscribed',
        'CalendarFeedPolled',
        'CalendarFeedDeleted',
        'CalendarIntegrationDeleted',
      ]),
    );
    const deletions = history.filter((e) => e.type.endsWith('Deleted'));
    expect(deletions.map((e) => e.data)).toEqual([
      { feedId: polled.feedId, kind: 'url', title: 'Опрашиваемый', deletedBy: 'director-school-cal-1' },
      { integrationId, feedIds: [uploaded.feedId], deletedBy: 'director-school-cal-1' },
    ]);
    expect(history.at(-1)!.type).toBe('CalendarIntegrationDeleted');
  });

  it('refuses teachers, and hides a school’s feeds from another school’s director', async () => {
    const teacher = await s.loginAs('teacher', 'school-cal-1');
    const res = await fetch(`${s.baseUrl}/integrations/calendar`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...teacher },
      body: JSON.stringify({ schoolId: 'school-cal-1', name: 'x' }),
    });
    expect(res.status).toBe(403);
    const integration = await createIntegration(s, 'school-cal-1');
    const created = await s.api('POST', `/integrations/calendar/${integration.integrationId}/feeds`, {
      title: 'Файл',
      ics: calendar([]),
    });
    const { feedId } = await json(created);
    expect((await status(feedId)).feedId).toBe(feedId);
    const foreign = await s.api(
      'GET',
      `/integrations/calendar/feeds/${feedId}`,
      undefined,
      'school-cal-other',
    );
    expect(foreign.status).toBe(404);
    expect((await s.api('GET', '/integrations/calendar/feeds/feed-unknown')).status).toBe(404);
  });
});
