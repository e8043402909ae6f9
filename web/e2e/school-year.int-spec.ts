import { academicYearOf, addDays, localDateOf } from '@vsoko/domain';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { putAccount } from '../../test/integration/auth/accounts';
import type { Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { signIn } from './support/session';
import { startE2e } from './support/stack';

const SCHOOL = 'web-year-school';
const ZONE = 'Europe/Moscow';
const LOGIN = 'director.year';
const today = localDateOf(Date.now(), ZONE);
/* Past rows end on the days before today; in the first days of August those lie in the previous year. */
const YEAR = academicYearOf(addDays(today, -3));
const ddmm = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;
const ru = (date: string) => date.split('-').reverse().join('.');

const HEADER = '№;Мероприятие;Срок;Ответственный;Результат';
const ROWS = [
  ['Мониторинг адаптации пятиклассников', `до ${ddmm(addDays(today, -2))}`],
  ['Анализ посещаемости', `до ${ddmm(addDays(today, -1))}`],
  ['Пробный экзамен по математике, 9 классы', `до ${ddmm(addDays(today, 20))}`],
  ['Анкетирование родителей', `до ${ddmm(addDays(today, 40))}`],
];
const PLAN_CSV = [
  HEADER,
  ...ROWS.map(
    ([title, deadline], i) =>
      `${i + 1};${title};${deadline};Заместитель директора по УВР;Аналитическая справка`,
  ),
].join('\n');

/**
 * The screens of part 2 that need no terminal: a plan uploaded mid-year (its preview, the rows whose window
 * has passed, the approval's live progress), then the school's reminder settings and a personal calendar link.
 */
describe('web: a school year set up in the browser', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  const csvFile = path.join(os.tmpdir(), `vsoko-e2e-plan-${process.pid}.csv`);

  beforeAll(async () => {
    // The browser first: it builds web/dist when stale, which the API looks for when it starts.
    ({ s, browser, stop } = await startE2e());
    await putAccount(s, {
      login: LOGIN,
      role: 'director',
      scope: SCHOOL,
      name: 'Кузнецова Ольга Петровна',
    });
    fs.writeFileSync(csvFile, PLAN_CSV);
    context = await newContext(browser, s.baseUrl);
    page = await context.newPage();
    await signIn(page, LOGIN, { landing: /План ВСОКО на/ });
  });
  afterAll(async () => {
    fs.rmSync(csvFile, { force: true });
    await context?.close();
    await stop?.();
  });

  const noSeriousViolations = async () => expect(await seriousViolations(page)).toEqual([]);

  it('imports a plan mid-year: preview, a past row recorded as performed, approval with live progress', async () => {
    // An empty plan says what to do next.
    await page.getByRole('link', { name: 'Загрузите план ВСОКО школы' }).click();
    await page.getByRole('heading', { name: 'Загрузка плана ВСОКО' }).waitFor();
    await noSeriousViolations();
    await page.locator('input[type=file]').setInputFiles(csvFile);
    await page.getByRole('button', { name: 'Показать, что получится' }).click();
    await page.getByRole('heading', { name: '2. Что получится' }).waitFor();
    await page.getByText(`${YEAR} — текущий учебный год`).waitFor();
    for (const [title] of ROWS)
      await page
        .getByRole('cell', { name: new RegExp(title) })
        .first()
        .waitFor();
    const past = page.locator('.ant-card', {
      has: page.getByRole('heading', { name: /3\. Строки, срок которых уже прошёл \(2\)/ }),
    });
    await past.waitFor();
    const row = past.getByRole('row', { name: /Анализ посещаемости/ });
    await row.getByRole('button', { name: 'Иначе, чем для всех…' }).click();
    await row.getByRole('combobox', { name: 'Что было: Анализ посещаемости' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'Уже проведена — указать дату' }).click();
    const date = row.getByRole('textbox', { name: 'Дата проведения: Анализ посещаемости' });
    await date.click();
    await date.fill(ru(addDays(today, -1)));
    // Leaving the field takes the typed date; the calendar then closes (animated, see seriousViolations).
    await date.press('Tab');
    await noSeriousViolations();
    await screenshot(page, '09-plan-import-preview');

    await page.getByRole('button', { name: /Утвердить план: процедур 4/ }).click();
    await page.getByText('План утверждён').waitFor({ timeout: 60_000 });
    await page.getByText(/запланировано процедур: [34]/).waitFor();
    await page.getByText('отмечено проведёнными: 1').waitFor();
    await page.getByText('оставлено просроченными: 1').waitFor();
    await noSeriousViolations();
    await screenshot(page, '10-plan-import-approved');

    await page.getByRole('button', { name: 'Открыть план' }).click();
    await page.getByRole('heading', { name: `План ВСОКО на ${YEAR} учебный год` }).waitFor();
    await page.getByText(/Показано процедур: 4 из 4/).waitFor();
  });

  it('changes the reminders and hands out a personal calendar link that a calendar can read', async () => {
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Настройки' }).click();
    await page.getByRole('heading', { name: 'Настройки', level: 1 }).waitFor();
    await page.getByText('Сейчас: напоминания за 7 и 1 день до срока').waitFor();
    await page.getByLabel('За сколько дней до срока напоминать').fill('14; 3');
    await page.getByLabel('Через сколько дней после просрочки сообщать директору').fill('5');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page
      .getByText('Сейчас: напоминания за 14 и 3 дня до срока; директору сообщается через 5 дней')
      .waitFor();

    await page.getByRole('button', { name: 'Получить ссылку: Мои сроки' }).click();
    const address = await page.getByRole('textbox', { name: 'Адрес: Мои сроки' }).inputValue();
    expect(address).toMatch(
      new RegExp(`^${s.baseUrl}/calendar/people/${LOGIN.replace('.', '\\.')}\\.ics\\?token=`),
    );
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await noSeriousViolations();
    await screenshot(page, '11-settings');
  });
});
