import { academicYearOf, localDateOf, nextAcademicYear } from '@vsoko/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { putAccount } from '../../test/integration/auth/accounts';
import { json, type Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { signIn } from './support/session';
import { ZONE } from './support/seed';
import { startE2e } from './support/stack';

const SCHOOL = 'web-settings-school';
const LOGIN = 'director.settings';
const YEAR = academicYearOf(localDateOf(Date.now(), ZONE));
const NEXT = nextAcademicYear(YEAR)!;
const START = Number(YEAR.slice(0, 4));
const CSV = [
  '№;Мероприятие;Срок;Ответственный;Результат',
  '1;ВПР по математике в 4 классах;апрель;Заместитель директора по УВР;Аналитическая справка',
  '2;Мониторинг адаптации пятиклассников;март;Заместитель директора по УВР;Аналитическая справка',
  '3;Анкетирование родителей;май;Заместитель директора по УВР;Аналитическая справка',
].join('\n');

/**
 * A director's settings and next year in Debian's Chromium: the escalation chain changed and said back as a
 * sentence; the school calendar drawn month by month, approved as proposed, then edited; next year's plan made
 * from this year's approved one and approved with its live progress.
 */
describe('web: settings, the school calendar and next year’s plan', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ s, browser, stop } = await startE2e());
    await putAccount(s, { login: LOGIN, role: 'director', scope: SCHOOL, name: 'Соколова Ирина Андреевна' });
    // This year's plan, approved over the API as the import screen would (school-year.int-spec shows that screen).
    const headers = await s.loginAs('director', SCHOOL, { id: LOGIN, name: 'Соколова Ирина Андреевна' });
    const form = new FormData();
    form.append('file', new Blob([CSV]), 'plan.csv');
    form.append('schoolId', SCHOOL);
    form.append('academicYear', YEAR);
    const uploaded = await json(
      await fetch(`${s.baseUrl}/plans/import`, { method: 'POST', headers, body: form }),
    );
    const approved = await fetch(`${s.baseUrl}/plans/imports/${uploaded.importId}/approve`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(approved.status).toBe(200);

    context = await newContext(browser, s.baseUrl);
    page = await context.newPage();
    await signIn(page, LOGIN, { landing: /План ВСОКО на/ });
  });
  afterAll(async () => {
    await context?.close();
    await stop?.();
  });

  const noSeriousViolations = async () => expect(await seriousViolations(page)).toEqual([]);

  it('changes the escalation chain and says it back as a sentence', async () => {
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Настройки' }).click();
    await page
      .getByText(
        'Цепочка эскалации после срока: через 1 день — ответственному; через 3 дня — заместителю директора; через 5 дней — директору; через 10 дней — инспектору района; затем каждые 7 дней — снова инспектору района, пока не исполнено.',
      )
      .waitFor();
    await page.getByLabel('Шаг 4: через сколько дней после срока').fill('14');
    await page.getByRole('button', { name: 'Убрать шаг 2' }).click();
    await page.getByLabel('Потом повторять последний шаг каждые … дней (0 — не повторять)').fill('0');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page
      .getByText(
        'Цепочка эскалации после срока: через 1 день — ответственному; через 5 дней — директору; через 14 дней — инспектору района.',
      )
      .waitFor();
    const settings = await json(
      await fetch(`${s.baseUrl}/schools/${SCHOOL}/reminder-settings`, {
        headers: await s.loginAs('director', SCHOOL, { id: LOGIN }),
      }),
    );
    expect(settings).toMatchObject({
      escalation: [
        { afterDays: 1, to: 'responsible' },
        { afterDays: 5, to: 'director' },
        { afterDays: 14, to: 'inspector' },
      ],
      repeatEveryDays: 0,
      daysBefore: [7, 1],
    });
    // The school's feed link, and what a calendar will show from it: the plan's three deadlines ahead or past.
    await page.getByRole('button', { name: 'Получить ссылку: Сроки школы' }).click();
    await page.getByText(/Что увидит календарь: (сроков впереди — [123]|сроков впереди нет)/).waitFor();
    await noSeriousViolations();
    await screenshot(page, '34-settings-escalation');
  });

  it('draws the school calendar, approves the proposal, then edits a holiday', async () => {
    await page
      .getByRole('navigation', { name: 'Страницы настроек' })
      .getByRole('link', { name: 'Календарь учебного года' })
      .click();
    await page.getByText('Календарь на этот год не утверждён').waitFor();
    await page.getByRole('table', { name: `Сентябрь ${START}` }).waitFor();
    await page.getByRole('table', { name: `Июнь ${START + 1}` }).waitFor();
    await page.getByRole('cell', { name: 'Осенние каникулы' }).waitFor();
    await noSeriousViolations();
    await screenshot(page, '35-school-calendar');

    await page.getByRole('button', { name: 'Утвердить этот календарь' }).click();
    await page.getByText('Действует календарь школы.').waitFor();

    await page.getByRole('button', { name: 'Изменить календарь' }).click();
    const name = page.getByRole('textbox', { name: 'Название: строка 1', exact: true });
    expect(await name.inputValue()).toBe('Осенние каникулы');
    await name.fill('Осенние каникулы (продлены приказом № 12)');
    await noSeriousViolations();
    await page.getByRole('button', { name: 'Утвердить календарь' }).click();
    await page.getByRole('cell', { name: 'Осенние каникулы (продлены приказом № 12)' }).waitFor();
    const stored = await json(
      await fetch(`${s.baseUrl}/schools/${SCHOOL}/calendars/${YEAR.replace('/', '-')}`, {
        headers: await s.loginAs('director', SCHOOL, { id: LOGIN }),
      }),
    );
    expect(stored.inForce).toBe(true);
    expect(stored.calendar.daysOff[0].name).toBe('Осенние каникулы (продлены приказом № 12)');
  });

  it('makes next year’s plan from this one and approves it', async () => {
    await page.goto('/plan/import');
    await page.getByRole('heading', { name: 'Или: план на следующий год из этого' }).waitFor();
    await page.getByRole('button', { name: `Составить план на ${NEXT}` }).click();
    await page.getByText(`План на ${NEXT} из плана ${YEAR}`).waitFor();
    await page.getByText(new RegExp(`Строк плана ${YEAR} \\(версия \\d+\\) перенесено: 3`)).waitFor();
    await page
      .getByRole('cell', { name: /Мониторинг адаптации пятиклассников/ })
      .first()
      .waitFor();
    await noSeriousViolations();
    await screenshot(page, '36-plan-next-year');
    await page.getByRole('button', { name: /Утвердить план: процедур 3/ }).click();
    await page.getByText('План утверждён').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Открыть план' }).click();
    await page.getByRole('heading', { name: /План ВСОКО на/ }).waitFor();
    await page.goto(`/plan?year=${encodeURIComponent(NEXT)}`);
    await page.getByRole('heading', { name: `План ВСОКО на ${NEXT} учебный год` }).waitFor();
    await page.getByText(/Показано процедур: 3 из 3/).waitFor();
  });
});
