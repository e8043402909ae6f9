import { academicYearOf, addDays, localDateOf, type Responsible } from '@vsoko/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { putAccount } from '../../test/integration/auth/accounts';
import type { Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { apiPost, apiProcedureWithDecision, ZONE } from './support/seed';
import { signIn } from './support/session';
import { startE2e } from './support/stack';

const SCHOOL = 'web-phone-school';
const TEACHER = 'petrova.ns';
const today = localDateOf(Date.now(), ZONE);
const PAST = addDays(today, -40);
const YEAR = academicYearOf(PAST);
const LATE_DECISION = 'Провести консультации для обучающихся группы риска';
const SOON_DECISION = 'Подготовить открытый урок по дробям';
const PROCEDURE = 'Мониторинг адаптации пятиклассников';
const MEETING_DECISION = 'Провести родительское собрание по итогам четверти в 5Б';
const ddmmyyyy = (date: string) => date.split('-').reverse().join('.');

const me: Responsible = { personId: TEACHER, role: 'teacher', name: 'Петрова Н. С.' };
const deputy: Responsible = { role: 'deputy', name: 'Иванова А. П.' };

/**
 * A teacher on a phone-sized window: «Моя работа» lists her late decision first, each card with its next action
 * one tap away; she records the decision executed on the card and it leaves the list; nothing scrolls sideways.
 */
describe('web: a teacher’s work on a phone', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ s, browser, stop } = await startE2e());
    await putAccount(s, {
      login: TEACHER,
      role: 'teacher',
      scope: SCHOOL,
      name: 'Петрова Наталья Сергеевна',
    });
    // Over the API, so each procedure's workflow runs and the teacher's commands reach it.
    const director = await s.loginAs('director', SCHOOL);
    const base = { schoolId: SCHOOL, academicYear: YEAR, responsible: deputy };
    await apiProcedureWithDecision(s, director, {
      ...base,
      id: `${SCHOOL}-vpr`,
      title: 'Анализ результатов ВПР',
      direction: 'results',
      window: { from: PAST, to: addDays(PAST, 10) },
      performedOn: addDays(today, -6),
      decision: { wording: LATE_DECISION, deadline: addDays(today, -3), responsible: me },
    });
    await apiProcedureWithDecision(s, director, {
      ...base,
      id: `${SCHOOL}-lessons`,
      title: 'Посещение уроков',
      direction: 'process',
      window: { from: PAST, to: addDays(PAST, 10) },
      performedOn: addDays(today, -6),
      decision: { wording: SOON_DECISION, deadline: addDays(today, 5), responsible: me },
    });
    await apiProcedureWithDecision(s, director, {
      ...base,
      responsible: me,
      id: `${SCHOOL}-adapt`,
      title: PROCEDURE,
      direction: 'process',
      window: { from: addDays(today, -2), to: addDays(today, 12) },
    });
    // A педсовет's decision led by her, to be confirmed with a file.
    const send = apiPost(s, director);
    await send('/meetings', {
      id: 'phone-m1',
      academicYear: YEAR,
      level: 'pedagogical-council',
      date: { precision: 'day', date: addDays(today, -1) },
      timeZone: ZONE,
      agenda: [{ itemId: 'item-1', title: 'Итоги четверти' }],
    });
    await send('/meetings/phone-m1/held', {
      minutes: [{ itemId: 'item-1', heard: 'Об итогах четверти', decisionIds: ['phone-dec-1'] }],
    });
    await send('/meetings/phone-m1/decisions', {
      id: 'phone-dec-1',
      number: 1,
      wording: MEETING_DECISION,
      executors: { lead: me },
      deadline: { asWritten: `до ${ddmmyyyy(addDays(today, 8))}` },
      evidenceRequired: true,
    });
    context = await newContext(browser, s.baseUrl, true);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await stop?.();
  });

  const noSeriousViolations = async () => expect(await seriousViolations(page)).toEqual([]);
  const noSidewaysScroll = async () =>
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

  it('lists her work, the late decision first, each with its next action', async () => {
    await signIn(page, TEACHER);
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Моя работа' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Моя работа' }).waitFor();
    await page.getByText('Просрочено: 1. Всего дел: 4.').waitFor();
    const cards = page.locator('.work-list > li');
    await expect(cards.nth(0).innerText()).resolves.toContain(LATE_DECISION);
    await cards.nth(0).getByText('просрочено на 3 дня').waitFor();
    await expect(cards.nth(1).innerText()).resolves.toContain(SOON_DECISION);
    await expect(cards.nth(2).innerText()).resolves.toContain(MEETING_DECISION);
    await expect(cards.nth(3).innerText()).resolves.toContain(PROCEDURE);
    await noSidewaysScroll();
    await noSeriousViolations();
    await screenshot(page, '32-my-work-phone');
  });

  it('records the late decision executed on its card, one tap away', async () => {
    await page.getByRole('button', { name: `Отметить исполнение: ${LATE_DECISION}` }).tap();
    await page.getByRole('button', { name: 'Сохранить исполнение' }).tap();
    await page.getByText('Опишите, чем подтверждается исполнение').waitFor();
    await page.getByLabel('Чем подтверждается').fill('Проведены 6 консультаций, журнал консультаций');
    await noSidewaysScroll();
    await noSeriousViolations();
    await screenshot(page, '33-my-work-phone-execute');
    await page.getByRole('button', { name: 'Сохранить исполнение' }).tap();
    await page.getByText('Всего дел: 3.').waitFor();
    expect(await page.getByText(LATE_DECISION).count()).toBe(0);

    // The procedure's card opens it at its next step.
    await page.getByRole('button', { name: `Отметить проведение: ${PROCEDURE}` }).tap();
    await page.getByRole('heading', { level: 1, name: PROCEDURE }).waitFor();
    await page.getByRole('heading', { name: 'Следующий шаг: отметить проведение' }).waitFor();
    await noSidewaysScroll();
  });

  it('confirms a meeting decision with a file from the phone and marks it executed', async () => {
    await page.goto('/my-work');
    await page.getByText('Всего дел: 3.').waitFor();
    await page.getByRole('button', { name: `Подтвердить и отметить исполнение: ${MEETING_DECISION}` }).tap();
    await page.getByText(MEETING_DECISION).first().waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'protokol-sobraniya.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\nПротокол родительского собрания 5Б\n%%EOF'),
    });
    await page.getByText('Файл «protokol-sobraniya.pdf»').waitFor();
    await noSidewaysScroll();
    await noSeriousViolations();
    await screenshot(page, '37-decision-evidence-phone');
    await page.getByRole('button', { name: 'Отметить исполнение', exact: true }).first().tap();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Отметить исполнение' }).tap();
    await dialog.waitFor({ state: 'hidden' });
    await page.goto('/my-work');
    await page.getByText('Всего дел: 2.').waitFor();
    expect(await page.getByText(MEETING_DECISION).count()).toBe(0);
  });
});
