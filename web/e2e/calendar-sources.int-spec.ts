import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, localDateOf } from '@vsoko/domain';
import { putAccount } from '../../test/integration/auth/accounts';
import { FeedServer } from '../../test/integration/calendar/feed-server';
import { calendar } from '../../test/integration/calendar/ics';
import { startCalendarServices, type CalendarServices } from '../../test/integration/calendar/setup';
import { launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { ZONE } from './support/seed';
import { signIn } from './support/session';

const SCHOOL = 'web-sources-school';
const LOGIN = 'director.sources';
const TOKEN = 'private-0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const day = (n: number) => addDays(localDateOf(Date.now(), ZONE), n);

/**
 * A director subscribes the school to its Google calendar in Debian's Chromium: the address is previewed first
 * (what becomes a procedure, what is left aside), then listed with its masked address, its last poll and how
 * many events are procedures now; a failing poll says why in Russian; the calendar is switched off.
 * The calendar host runs on loopback, which the operator allows (OUTBOUND_ALLOWED_HOSTS) for the API and worker.
 */
describe('web: the calendars a school subscribes to', () => {
  let s: CalendarServices;
  const host = new FeedServer();
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let feedUrl = '';

  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.OUTBOUND_ALLOWED_HOSTS = '127.0.0.1';
    [s] = await Promise.all([
      startCalendarServices(SCHOOL, { outboundAllowedHosts: '127.0.0.1' }),
      host.start(),
    ]);
    feedUrl = host.set(
      `/calendar/ical/school%40gmail.com/${TOKEN}/basic.ics`,
      calendar([
        { uid: 'g-1', summary: '[ВСОКО] ВПР по математике', start: day(14), end: day(15) },
        {
          uid: 'g-2',
          summary: '[ВСОКО] Посещение уроков в 5 классах',
          start: day(21),
          end: day(24),
          description: 'ответственный: Петрова Анна Сергеевна',
        },
        { uid: 'g-3', summary: 'Новогодний утренник', start: day(30) },
      ]),
    );
    await putAccount(s, { login: LOGIN, role: 'director', scope: SCHOOL, name: 'Соколова Ирина Андреевна' });
    context = await newContext(browser, s.baseUrl);
    page = await context.newPage();
    await signIn(page, LOGIN, { landing: /План ВСОКО на/ });
  });
  afterAll(async () => {
    await context?.close();
    await closeBrowser?.();
    await host.stop();
    await s?.stopAll();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.OUTBOUND_ALLOWED_HOSTS;
  });

  it('previews a calendar before subscribing, lists it with its last poll, and switches it off', async () => {
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Настройки' }).click();
    await page
      .getByRole('navigation', { name: 'Страницы настроек' })
      .getByRole('link', { name: 'Календари-источники' })
      .click();
    await page.getByText('Школа пока не подписана ни на один календарь').waitFor();

    await page.getByLabel('Название', { exact: true }).fill('Google-календарь школы');
    await page.getByRole('button', { name: 'Создать интеграцию' }).click();
    await page.getByText('Секрет для подписи webhook показывается один раз', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Google-календарь школы' }).waitFor();

    const form = page.getByRole('form', { name: 'Подписаться на календарь: Google-календарь школы' });
    await form.getByLabel('Название календаря').fill('План ВСОКО (Google)');
    await form.getByLabel('Адрес календаря (ICS)').fill(feedUrl);
    await form.getByLabel('Ответственный для событий, где он не указан').fill('Заместитель директора по УВР');
    await form.getByRole('button', { name: 'Показать, что будет' }).click();
    const preview = form.getByRole('region', { name: 'Предпросмотр календаря' });
    await preview
      .getByText('Станут процедурами: 2; без отметки ВСОКО (не войдут в план): 1.', { exact: true })
      .waitFor();
    // «ВПР» is read as results from its title; the visit names its responsible person in the description.
    await preview
      .getByRole('row', { name: /ВПР по математике.*станет процедурой \(результаты, по названию\)/ })
      .waitFor();
    await preview
      .getByRole('row', { name: /Посещение уроков в 5 классах.*Петрова Анна Сергеевна/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '63-settings-integrations-preview');
    await form.getByRole('button', { name: 'Подписаться' }).click();

    // The list: the address with its token masked, the first poll's result, the procedures it made.
    const table = page.getByRole('table').first();
    const row = table.getByRole('row', { name: /План ВСОКО \(Google\)/ });
    await row
      .getByText('2 запланировано, 1 пропущено (без отметки ВСОКО)', { exact: false })
      .waitFor({ timeout: 30_000 });
    await row.getByText(`${host.baseUrl}/calendar/ical/school%40gmail.com/•••/basic.ics`).waitFor();
    expect(await page.content()).not.toContain(TOKEN);
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('2');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '64-settings-integrations');

    // The calendar host fails: a poll now says so in Russian, and the procedures stay.
    host.fail(`/calendar/ical/school%40gmail.com/${TOKEN}/basic.ics`, 503);
    await row.getByRole('button', { name: 'Опросить сейчас: План ВСОКО (Google)' }).click();
    await row.getByText('ошибка: Календарь ответил кодом 503', { exact: false }).waitFor();

    await row.getByRole('button', { name: 'Отключить: План ВСОКО (Google)' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Отключить' }).click();
    await row.waitFor({ state: 'detached' });
    await table.getByRole('row', { name: /Google-календарь школы \(webhook\)/ }).waitFor();
    const log = await s.store.readStream(
      `integration-${(await page.getByText(/^cal-/).first().textContent())!.trim()}`,
    );
    expect(log.map((e) => e.type)).toEqual([
      'CalendarIntegrationCreated',
      'CalendarFeedSubscribed',
      'CalendarFeedPolled',
      'CalendarFeedPollFailed',
      'CalendarFeedDeleted',
    ]);
  });
});
