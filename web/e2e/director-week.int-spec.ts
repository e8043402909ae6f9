import { addDays, academicYearOf, localDateOf, type Actor, type Responsible } from '@vsoko/domain';
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { putAccount } from '../../test/integration/auth/accounts';
import type { Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { inWords, typed } from './support/dates';
import { at, runToDecision, scheduled, type SchoolSeed } from './support/seed';
import { signIn } from './support/session';
import { startE2e } from './support/stack';

const SCHOOL = 'web-week-school';
const ZONE = 'Europe/Moscow';
const LOGIN = 'director.week';
const DIRECTOR_NAME = 'Смирнова Елена Викторовна';

const today = localDateOf(Date.now(), ZONE);
const YEAR = academicYearOf(today);

const director: Actor = { id: LOGIN, kind: 'user', role: 'director', name: DIRECTOR_NAME };
const me: Responsible = { personId: LOGIN, role: 'director', name: 'Смирнова Е. В.' };
const deputy: Responsible = { personId: 'ivanova', role: 'deputy', name: 'Иванова Анна Петровна' };
const teacher: Responsible = { personId: 'petrov', role: 'teacher', name: 'Петров Сергей Иванович' };

const PAST = addDays(today, -70);
const OVERDUE_WORDING = 'Провести консультации для обучающихся группы риска';
const RUN_TITLE = 'Входная диагностика по математике, 5 классы';
const NEW_DECISION = 'Организовать дополнительные занятия по дробям для 5Б';

/**
 * A school's year as the log has it: procedures scheduled at the start of the year, one run to its decisions
 * weeks ago with a decision now overdue (the director's own), one with a decision executed late.
 */
async function seedSchoolYear(s: Services): Promise<void> {
  const seed: SchoolSeed = { s, schoolId: SCHOOL, academicYear: YEAR, director };
  // The whole plan was written before its first window.
  const written = addDays(PAST, -10);
  const vpr = await scheduled(
    seed,
    'vpr',
    'Анализ результатов ВПР прошлого года',
    'results',
    deputy,
    {
      from: addDays(PAST, 5),
      to: addDays(PAST, 20),
    },
    written,
  );
  await runToDecision(seed, vpr, addDays(PAST, 12), {
    wording: OVERDUE_WORDING,
    deadline: addDays(today, -12),
    responsible: me,
  });
  await vpr.fire('decision-overdue', 'd1');

  const lessons = await scheduled(
    seed,
    'lessons',
    'Посещение уроков молодых специалистов',
    'process',
    teacher,
    {
      from: addDays(PAST, 0),
      to: addDays(PAST, 25),
    },
    written,
  );
  await runToDecision(seed, lessons, addDays(PAST, 20), {
    wording: 'Закрепить наставников за молодыми учителями',
    deadline: addDays(today, -30),
    responsible: deputy,
  });
  await lessons.fire('decision-overdue', 'd1');
  await lessons.run(
    {
      type: 'ExecuteDecision',
      data: {
        procedureId: lessons.procedureId,
        decisionId: 'd1',
        executedOn: addDays(today, -25),
        evidence: { description: 'Приказ о наставничестве № 41' },
      },
    },
    director,
    at(addDays(today, -25)),
  );

  await scheduled(
    seed,
    'survey',
    'Анкетирование родителей: удовлетворённость качеством образования',
    'satisfaction',
    deputy,
    { from: addDays(today, 60), to: addDays(today, 80) },
    written,
  );
  await scheduled(
    seed,
    'library',
    'Оснащённость библиотеки учебниками',
    'conditions',
    teacher,
    {
      from: addDays(today, 100),
      to: addDays(today, 110),
    },
    written,
  );
}

/**
 * The director's week in Debian's Chromium on the real stack: sign in, open the plan, run a procedure from
 * scheduled to closed with one decision, see an overdue decision on the board, replay the plan as of a past date,
 * download a report and open it. Every screen is checked by axe-core and photographed for the README.
 */
describe('web: a director’s week', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let procedureId: string;

  beforeAll(async () => {
    // The browser first: it builds web/dist when stale, which the API looks for when it starts.
    ({ s, browser, stop } = await startE2e());
    await putAccount(s, { login: LOGIN, role: 'director', scope: SCHOOL, name: DIRECTOR_NAME });
    await seedSchoolYear(s);
    const headers = await s.loginAs('director', SCHOOL, { id: LOGIN, name: DIRECTOR_NAME });
    procedureId = `${SCHOOL}-run`;
    const created = await fetch(`${s.baseUrl}/procedures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        id: procedureId,
        schoolId: SCHOOL,
        academicYear: YEAR,
        title: RUN_TITLE,
        direction: 'results',
        method: 'Контрольная работа',
        resultForm: 'Аналитическая справка',
        responsible: me,
        window: { from: addDays(today, -3), to: addDays(today, 10) },
        timeZone: ZONE,
      }),
    });
    expect(created.status).toBe(201);
    context = await newContext(browser, s.baseUrl);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await stop?.();
  });

  /**
   * Types a date into an Ant Design date picker as people write it (ДД.ММ.ГГГГ) and leaves the field with Tab,
   * which takes the date and closes the calendar; the field then shows it in words, «22 декабря 2026».
   */
  const pickDate = async (field: Locator, date: string) => {
    await field.click();
    await field.fill(typed(date));
    await field.press('Tab');
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
    expect(await field.inputValue()).toBe(inWords(date));
  };
  const noSeriousViolations = async () => expect(await seriousViolations(page)).toEqual([]);
  const main = () => page.locator('main');

  it('signs in and opens the plan as a cyclogram, filtered to the late procedures', async () => {
    await signIn(page, LOGIN, { landing: `План ВСОКО на ${YEAR} учебный год` });
    await main()
      .getByRole('link', { name: new RegExp(RUN_TITLE) })
      .waitFor();
    await noSeriousViolations();
    await screenshot(page, '02-plan');

    await page.getByRole('checkbox', { name: 'Только просроченные' }).click();
    await main()
      .getByText(/Показано процедур: 1 из 5/)
      .waitFor();
    await main()
      .getByRole('link', { name: /Анализ результатов ВПР/ })
      .waitFor();
    expect(page.url()).toContain('late=1');
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await main()
      .getByText(/Показано процедур: 5 из 5/)
      .waitFor();
  });

  it('runs a procedure from scheduled to closed with one decision', async () => {
    await main()
      .getByRole('link', { name: new RegExp(RUN_TITLE) })
      .click();
    await page.getByRole('heading', { level: 1, name: RUN_TITLE }).waitFor();
    await page.getByRole('heading', { name: 'Следующий шаг: отметить проведение' }).waitFor();
    await noSeriousViolations();
    await screenshot(page, '03-procedure');

    // Inline validation before anything is sent.
    await page.getByRole('button', { name: 'Отметить проведение' }).click();
    await page.getByText('Заполните: что собрано').waitFor();
    await page.getByLabel('Что собрано').fill('Работы учащихся 5А и 5Б\nПротоколы проверки');
    await page.getByRole('button', { name: 'Отметить проведение' }).click();

    await page.getByRole('heading', { name: 'Следующий шаг: записать анализ результатов' }).waitFor();
    await page.getByLabel('Выводы').fill('Качество знаний 54 %\nТрудности с дробями в 5Б');
    await page.getByRole('button', { name: 'Записать анализ' }).click();

    await page.getByRole('heading', { name: 'Следующий шаг: записать обсуждение на совещании' }).waitFor();
    await page.getByRole('combobox', { name: 'Совещание' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'Педагогический совет' }).click();
    await page.getByLabel('Номер протокола').fill('3');
    await page.getByRole('button', { name: 'Записать обсуждение' }).click();

    await page.getByRole('heading', { name: 'Следующий шаг: принять управленческие решения' }).waitFor();
    await page.getByLabel('Формулировка').fill(NEW_DECISION);
    await pickDate(page.getByLabel('Срок исполнения'), addDays(today, 20));
    await page.getByRole('button', { name: 'Принять решения' }).click();

    await page.getByRole('heading', { name: 'Следующий шаг: исполнение решений и закрытие' }).waitFor();
    const decisions = main().locator('table', { hasText: NEW_DECISION });
    await decisions.getByRole('button', { name: 'Исполнено' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Подтверждение исполнения').fill('Расписание занятий, журнал посещаемости');
    await dialog.getByRole('button', { name: 'Отметить исполнение' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await decisions.getByText('Исполнено', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Закрыть процедуру' }).click();
    await page.getByText('Закрыта', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: /Следующий шаг/ }).waitFor({ state: 'detached' });
    const history = main().locator('.ant-timeline');
    await history
      .getByText(/закрыта/i)
      .first()
      .waitFor();
    // Every time on the timeline is a Russian date in the school's zone.
    const times = await history.locator('time').allInnerTexts();
    expect(times.length).toBeGreaterThanOrEqual(6);
    for (const t of times) expect(t).toMatch(/^\d{1,2} [а-я]+ \d{4}, \d{2}:\d{2}$/);
    await noSeriousViolations();
    await screenshot(page, '03-procedure-closed');
  });

  it('shows the overdue decision on the board, the charts from the KPIs and the director’s own work', async () => {
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Решения' }).click();
    await page.getByRole('heading', { name: `Управленческие решения, ${YEAR}` }).waitFor();
    await page.getByRole('tab', { name: /Просроченные \(1\)/ }).click();
    const overdue = page.getByRole('tabpanel', { name: /Просроченные/ });
    await overdue.getByText(OVERDUE_WORDING).waitFor();
    await page.getByRole('figure', { name: 'Решения по месяцам срока' }).waitFor();
    await page.getByRole('figure', { name: 'Решения по ответственным' }).waitFor();
    await noSeriousViolations();
    await screenshot(page, '04-board');

    await page.getByRole('switch', { name: 'Моя работа' }).click();
    await page.getByRole('tab', { name: /Открытые \(1\)/ }).click();
    const mine = page.getByRole('tabpanel', { name: /Открытые/ });
    await mine.getByText(OVERDUE_WORDING).waitFor();
    await noSeriousViolations();
    await screenshot(page, '05-my-work');
  });

  it('shows the audit history, replays the plan as of a past date and verifies the hash chain', async () => {
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Аудит' }).click();
    await page.getByRole('heading', { name: `Аудит, ${YEAR}` }).waitFor();
    await page.getByRole('combobox', { name: 'Процедура' }).click();
    await page.locator('.ant-select-item-option', { hasText: RUN_TITLE }).click();
    await main()
      .locator('.ant-timeline')
      .getByText(/закрыта/i)
      .first()
      .waitFor();
    await noSeriousViolations();
    await screenshot(page, '06-audit');

    await page.getByRole('tab', { name: 'План на дату' }).click();
    const asOf = page.getByRole('tabpanel', { name: 'План на дату' });
    await asOf.getByText('что произошло к этой дате', { exact: false }).click();
    await pickDate(asOf.getByRole('textbox', { name: 'Восстановить план на дату' }), PAST);
    const status = asOf.getByRole('status');
    await status.filter({ hasText: 'процедур 4' }).waitFor();
    // As of then, the procedure run today was not yet in the plan and the ВПР analysis was only scheduled.
    expect(await asOf.getByText(RUN_TITLE).count()).toBe(0);
    await asOf.getByText(/Анализ результатов ВПР/).waitFor();
    await noSeriousViolations();
    await screenshot(page, '07-as-of');

    await page.getByRole('tab', { name: 'Целостность журнала' }).click();
    const chain = page.getByRole('tabpanel', { name: 'Целостность журнала' });
    await chain.getByRole('combobox', { name: 'Процедура для проверки' }).click();
    await page.locator('.ant-select-item-option', { hasText: RUN_TITLE }).last().click();
    await chain.getByText(/Цепочка цела: событий \d+/).waitFor();
  });

  it('downloads the decisions report and opens it', async () => {
    await page.getByRole('tab', { name: 'Отчёты' }).click();
    const downloaded = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Скачать: Использование результатов (решения и их исполнение), XLSX' })
      .click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    // The browser may be a shared one (connected over a socket): save a local copy rather than read its path.
    const file = path.join(os.tmpdir(), `vsoko-e2e-${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    fs.rmSync(file, { force: true });
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
    );
    // Decisions are written «1. <wording>» in the report's decisions column.
    for (const wording of [NEW_DECISION, OVERDUE_WORDING])
      expect(cells.filter((c) => c.endsWith(`. ${wording}`))).toHaveLength(1);
    await noSeriousViolations();
  });

  it('reads on a phone: the plan one month after another, the board as a list', async () => {
    const phone = await newContext(browser, s.baseUrl, true);
    const small = await phone.newPage();
    const session = await page.evaluate("localStorage.getItem('vsoko.session')");
    await small.goto('/sign-in');
    await small.evaluate(`localStorage.setItem('vsoko.session', ${JSON.stringify(session)})`);
    await small.goto('/plan');
    await small.getByRole('heading', { name: /План ВСОКО/ }).waitFor();
    await small
      .getByRole('region', { name: /Декабрь|Ноябрь|Январь/ })
      .first()
      .waitFor();
    expect(await seriousViolations(small)).toEqual([]);
    const width = (await small.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(small, '08-plan-phone');
    await phone.close();
  });
});
