import { academicYearOf, addDays, localDateOf } from '@vsoko/domain';
import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { putAccount } from '../../test/integration/auth/accounts';
import type { Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { inWords, typed } from './support/dates';
import { apiPost } from './support/seed';
import { signIn } from './support/session';
import { startE2e } from './support/stack';

const SCHOOL = 'web-decisions-school';
const ZONE = 'Europe/Moscow';
const LOGIN = 'director.decisions';
const today = localDateOf(Date.now(), ZONE);
const YEAR = academicYearOf(today);
const EVIDENCE = `Приказ № 112 об организации дополнительных занятий\nДата: ${today}\n`;

/**
 * Issue 17, item 2: a decision of a held педсовет followed in depth in the browser — a «в течение года» decision
 * reported at its check-in, a file of evidence dropped on the page with its SHA-256 shown (and equal to the
 * file's), execution and the effectiveness review; another decision handed to a new responsible, given a new
 * deadline read back by the server, then withdrawn, each with its reason. axe-core on each; screenshots 24–27.
 */
describe('web: a meeting’s decisions followed up in depth', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let post: ReturnType<typeof apiPost>;

  beforeAll(async () => {
    ({ s, browser, stop } = await startE2e());
    await putAccount(s, { login: LOGIN, role: 'director', scope: SCHOOL, name: 'Кузнецова Ольга Петровна' });
    post = apiPost(
      s,
      await s.loginAs('deputy', SCHOOL, { id: 'deputy.decisions', name: 'Смирнова Елена Викторовна' }),
    );
    await post('/meetings', {
      id: 'm-ped',
      academicYear: YEAR,
      level: 'pedagogical-council',
      date: { precision: 'day', date: addDays(today, -1) },
      timeZone: ZONE,
      agenda: [{ itemId: 'item-1', title: 'Об итогах ВПР' }],
    });
    await post('/meetings/m-ped/held', {
      participants: [{ name: 'Смирнова Е. В.' }],
      minutes: [{ itemId: 'item-1', heard: 'Смирнову Е. В.', decisionIds: ['d-year', 'd-other'] }],
    });
    await post('/meetings/m-ped/decisions', {
      id: 'd-year',
      number: 1,
      wording: 'Организовать дополнительные занятия по математике',
      executors: { lead: { name: 'Петров О. И.' } },
      deadline: { asWritten: 'в течение года' },
      evidenceRequired: true,
    });
    await post('/meetings/m-ped/decisions', {
      id: 'd-other',
      number: 2,
      wording: 'Провести родительское собрание в 5 классах',
      executors: { lead: { name: 'Иванова А. П.' } },
      deadline: { asWritten: `до ${addDays(today, 14).split('-').reverse().join('.')}` },
    });
    context = await newContext(browser, s.baseUrl);
    page = await context.newPage();
    await signIn(page, LOGIN, { landing: /План ВСОКО на/ });
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await stop?.();
  });

  const noSeriousViolations = async () => expect(await seriousViolations(page)).toEqual([]);
  const dialog = () => page.getByRole('dialog');

  it('reports a «в течение года» decision at its check-in, reached from the protocol', async () => {
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Заседания' }).click();
    await page.getByRole('link', { name: 'Педагогический совет' }).click();
    await page.getByRole('link', { name: 'Организовать дополнительные занятия по математике' }).click();
    await page.getByRole('heading', { name: /Решение № 1: Организовать/ }).waitFor();
    await page.getByText(`в течение ${YEAR} учебного года`, { exact: false }).first().waitFor();
    await page
      .getByText('Подтверждений пока нет. Это решение отмечается исполненным только с подтверждением')
      .waitFor();

    await page.getByRole('button', { name: 'Отчитаться о ходе исполнения' }).click();
    await dialog().getByLabel('Что сделано к этой дате').fill('Проведено 12 занятий, посещаемость 85 %');
    await noSeriousViolations();
    await dialog().getByRole('button', { name: 'Отчитаться о ходе исполнения' }).click();
    await page.getByText(/Контрольная точка .*: отчёт — Проведено 12 занятий/).waitFor();
    await noSeriousViolations();
    await screenshot(page, '24-decision-check-in');
  });

  it('takes a file of evidence dropped on the page and shows its SHA-256, equal to the file’s', async () => {
    await page.getByLabel('Что это за документ').fill('Приказ № 112');
    // A real drop: a DataTransfer with the file, dropped on the area.
    const transfer = await page.evaluateHandle((text) => {
      // Runs in the page (the test's own types have no DOM).
      const w = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const dt = new w.DataTransfer();
      dt.items.add(new w.File([text], 'Приказ 112.txt', { type: 'text/plain' }));
      return dt;
    }, EVIDENCE);
    // The drop target is rc-upload's inner area (events bubble up, never down).
    const area = page.locator('.ant-upload-drag .ant-upload-btn');
    await area.dispatchEvent('dragenter', { dataTransfer: transfer });
    await area.dispatchEvent('dragover', { dataTransfer: transfer });
    await area.dispatchEvent('drop', { dataTransfer: transfer });
    const sha = createHash('sha256').update(EVIDENCE, 'utf8').digest('hex');
    const grouped = sha.replace(/(.{4})(?=.)/g, '$1 ');
    const done = page.getByRole('status').filter({ hasText: 'Файл «Приказ 112.txt»' });
    await done.waitFor({ timeout: 30_000 });
    await done.getByText(grouped).waitFor();
    await done.getByText('Совпадает с хэшем, вычисленным в браузере').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Приказ 112.txt' }).getByText(grouped).waitFor();
    await noSeriousViolations();
    await screenshot(page, '25-decision-evidence');
  });

  it('takes a link as evidence, refusing an address that is not http(s) before sending it', async () => {
    const link = page.getByRole('form', { name: 'Подтверждение ссылкой' });
    await link.getByLabel('Или ссылка на подтверждение').fill('javascript:alert(1)');
    await link.getByRole('button', { name: 'Приложить ссылку' }).click();
    await link.getByText('Ссылка на подтверждение — адрес http:// или https://').waitFor();
    await link.getByLabel('Или ссылка на подтверждение').fill('https://school.example/docs/prikaz-113.pdf');
    await link.getByLabel('Что по ссылке').fill('Приказ № 113 на сайте школы');
    await link.getByRole('button', { name: 'Приложить ссылку' }).click();
    await link
      .getByRole('status')
      .getByText('Ссылка приложена: https://school.example/docs/prikaz-113.pdf')
      .waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Приказ № 113 на сайте школы' });
    expect(await item.getByRole('link', { name: 'Приказ № 113 на сайте школы' }).getAttribute('href')).toBe(
      'https://school.example/docs/prikaz-113.pdf',
    );
    await noSeriousViolations();
  });

  it('records the execution and reviews its effectiveness', async () => {
    await page.getByRole('button', { name: 'Отметить исполнение' }).click();
    await dialog().getByLabel('Комментарий').fill('Занятия проводились по графику');
    await dialog().getByRole('button', { name: 'Отметить исполнение' }).click();
    await page.locator('.ant-tag', { hasText: /^Исполнено$/ }).waitFor();

    await page.getByRole('button', { name: 'Оценить эффективность' }).click();
    await dialog().getByLabel('Частично эффективно').check();
    await dialog().getByLabel('По какому показателю').fill('Доля «2» по математике снизилась с 18 % до 11 %');
    await noSeriousViolations();
    await dialog().getByRole('button', { name: 'Оценить эффективность' }).click();
    await page.getByText(/частично эффективно — Доля «2» по математике/).waitFor();
    await page.getByText('Эффективность оценена').first().waitFor();
    await noSeriousViolations();
    await screenshot(page, '26-decision-effectiveness');
  });

  it('hands another decision over, gives it a new deadline read back by the server, and withdraws it', async () => {
    await page.getByRole('link', { name: /Педагогический совет/ }).click();
    await page.getByRole('link', { name: 'Провести родительское собрание в 5 классах' }).click();
    await page.getByRole('heading', { name: /Решение № 2/ }).waitFor();

    await page.getByRole('button', { name: 'Передать другому ответственному' }).click();
    await dialog().getByLabel('Новый ответственный').fill('Петрова М. С.');
    await dialog().getByLabel('Причина').fill('Иванова А. П. в отпуске');
    await dialog().getByRole('button', { name: 'Передать другому ответственному' }).click();
    await page.getByText('Петрова М. С. (передавалось: 1)').waitFor();

    await page.getByRole('button', { name: 'Изменить срок' }).click();
    // The new deadline is read while it is typed, by the same parser and the school's calendar as the server.
    const field = dialog().getByLabel('Новый срок, как записан');
    const later = addDays(today, 40);
    await field.fill(`до ${typed(later)}`);
    await dialog()
      .getByText(`Понят как: до ${inWords(later)}`, { exact: false })
      .waitFor();
    await field.fill('когда-нибудь');
    await dialog().getByText('Срок «когда-нибудь» не распознан', { exact: false }).waitFor();
    await field.fill('в течение года');
    await dialog().getByText(`Понят как: в течение ${YEAR} учебного года`, { exact: false }).waitFor();
    await dialog().getByLabel('Причина').fill('Собрание совмещено с итоговым');
    await noSeriousViolations();
    await screenshot(page, '69-decision-new-deadline');
    await dialog().getByRole('button', { name: 'Изменить срок' }).click();
    await page
      .getByRole('status')
      .getByText(`Новый срок понят как: в течение ${YEAR} учебного года`, { exact: false })
      .waitFor();
    await noSeriousViolations();
    await screenshot(page, '27-decision-follow-ups');

    await page.getByRole('button', { name: 'Отменить решение' }).click();
    await dialog().getByRole('button', { name: 'Отменить решение' }).click();
    await dialog().getByText('Укажите причину').waitFor();
    await dialog().getByLabel('Причина').fill('Вопрос снят: собрание проведено в рамках общешкольного');
    await dialog().getByRole('button', { name: 'Отменить решение' }).click();
    await page.getByText('Решение отменено: Вопрос снят').waitFor();
  });
});
