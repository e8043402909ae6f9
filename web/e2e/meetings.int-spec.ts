import { academicYearOf, addDays, localDateOf } from '@vsoko/domain';
import mammoth from 'mammoth';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { putAccount } from '../../test/integration/auth/accounts';
import type { Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { inWords, typed } from './support/dates';
import { apiPost } from './support/seed';
import { signIn } from './support/session';
import { startE2e } from './support/stack';

const SCHOOL = 'web-meetings-school';
const ZONE = 'Europe/Moscow';
const LOGIN = 'director.meetings';
const today = localDateOf(Date.now(), ZONE);
const YEAR = academicYearOf(today);
const due = addDays(today, 30);
const PROCEDURE = 'Всероссийские проверочные работы, 5 классы';
const CARRIED = 'Организовать дополнительные занятия по математике';

/**
 * Issue 17, item 1: a педсовет planned, its proposed agenda (an analysed procedure and a decision carried over
 * from an earlier meeting) reordered with the keyboard and with the mouse, held with attendance, what was heard
 * and three decisions whose deadlines are typed as a protocol writes them and read back by the server, then the
 * protocol and the приказ downloaded and opened, then the protocol corrected with a reason (ADR 0017). axe-core on
 * each screen; screenshots 20–23, 66–67.
 */
describe('web: a педсовет planned, held and written down', () => {
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
      await s.loginAs('deputy', SCHOOL, { id: 'deputy.meetings', name: 'Смирнова Елена Викторовна' }),
    );
    // An analysed procedure: the proposed agenda puts its results up for discussion.
    await post('/procedures', {
      id: 'vpr-5',
      schoolId: SCHOOL,
      academicYear: YEAR,
      title: PROCEDURE,
      direction: 'results',
      responsible: { role: 'deputy', name: 'Смирнова Е. В.' },
      window: { from: addDays(today, -20), to: addDays(today, -10) },
      timeZone: ZONE,
    });
    await post('/procedures/vpr-5/performed', {
      performedOn: addDays(today, -12),
      performedBy: { name: 'Смирнова Е. В.' },
      collected: ['Работы учащихся'],
    });
    await post('/procedures/vpr-5/analysis', {
      analysedOn: addDays(today, -5),
      document: { title: 'Аналитическая справка по ВПР' },
      findings: ['Качество знаний по математике ниже прошлогоднего'],
    });
    // An earlier meeting's decision still in work: carried over to the next agenda.
    await post('/meetings', {
      id: 'm-earlier',
      academicYear: YEAR,
      level: 'methodical-council',
      date: { precision: 'day', date: addDays(today, -3) },
      timeZone: ZONE,
      agenda: [{ itemId: 'item-1', title: 'Об итогах входного контроля' }],
    });
    await post('/meetings/m-earlier/held', {
      participants: [{ name: 'Смирнова Е. В.' }],
      minutes: [{ itemId: 'item-1', heard: 'Смирнову Е. В.', decisionIds: ['d-earlier'] }],
    });
    await post('/meetings/m-earlier/decisions', {
      id: 'd-earlier',
      number: 1,
      wording: CARRIED,
      executors: { lead: { name: 'Петров О. И.' } },
      deadline: { asWritten: 'в течение года' },
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
  /** Retries an assertion for a few seconds: drags settle over a few animation frames. */
  const eventually = async (check: () => Promise<void>) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await check();
      } catch (e) {
        if (attempt >= 20) throw e;
        await page.waitForTimeout(250);
      }
    }
  };
  const agenda = () => page.getByRole('list', { name: 'Повестка' });
  const agendaTitles = () =>
    page.getByRole('list', { name: 'Повестка' }).locator('.agenda-title').allInnerTexts();

  it('plans a педсовет: the agenda proposes the analysed procedure and the carried-over decision', async () => {
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Заседания' }).click();
    await page.getByRole('heading', { name: `Заседания ${YEAR} учебного года` }).waitFor();
    await page.getByRole('link', { name: 'Методический совет' }).waitFor();
    await noSeriousViolations();
    await screenshot(page, '20-meetings');

    await page.getByRole('button', { name: 'Запланировать заседание' }).click();
    const date = page.getByRole('textbox', { name: 'Дата заседания' });
    await date.click();
    await date.fill(typed(today));
    await date.press('Enter');
    await page.getByLabel('Председатель').fill('Кузнецова О. П.');
    await page.getByLabel('Секретарь').fill('Смирнова Е. В.');
    await page.getByRole('button', { name: 'Запланировать', exact: true }).click();
    await page.getByRole('heading', { name: `Педагогический совет, ${inWords(today)}` }).waitFor();
    await agenda().getByText(`Результаты: ${PROCEDURE}`).waitFor();
    expect(await agendaTitles()).toEqual([
      expect.stringContaining(`Результаты: ${PROCEDURE}`),
      expect.stringContaining(`О ходе исполнения решения: ${CARRIED}`),
    ]);
  });

  it('reorders the agenda with the keyboard and by dragging, and saves the order with a reason', async () => {
    await page
      .getByLabel('Вопрос', { exact: true })
      .fill('О подготовке к государственной итоговой аттестации');
    await page.getByLabel('Причина дополнения').fill('Предложение директора');
    await page.getByRole('button', { name: 'Добавить в повестку' }).click();
    await agenda().getByText('О подготовке к государственной итоговой аттестации').waitFor();

    // Keyboard: the carried decision's handle, space, arrow up, space.
    const handle = page.getByRole('button', { name: `Переместить: О ходе исполнения решения: ${CARRIED}` });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await eventually(async () =>
      expect(await agendaTitles()).toEqual([
        expect.stringContaining(CARRIED),
        expect.stringContaining(PROCEDURE),
        expect.stringContaining('государственной итоговой'),
      ]),
    );

    // Mouse: the new question dragged by its handle above the procedure.
    const from = await page
      .getByRole('button', { name: 'Переместить: О подготовке к государственной итоговой аттестации' })
      .boundingBox();
    const to = await page
      .getByRole('button', { name: `Переместить: Результаты: ${PROCEDURE}` })
      .boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(from!.x + from!.width / 2, from!.y - 10, { steps: 5 });
    await page.mouse.move(to!.x + to!.width / 2, to!.y + 2, { steps: 15 });
    await page.waitForTimeout(200);
    await page.mouse.up();
    await eventually(async () =>
      expect(await agendaTitles()).toEqual([
        expect.stringContaining(CARRIED),
        expect.stringContaining('государственной итоговой'),
        expect.stringContaining(PROCEDURE),
      ]),
    );

    await page.getByLabel('Почему порядок изменён').fill('Сначала о неисполненных решениях');
    await noSeriousViolations();
    await screenshot(page, '21-meeting-agenda');
    await page.getByRole('button', { name: 'Сохранить порядок' }).click();
    await page.getByRole('button', { name: 'Сохранить порядок' }).waitFor({ state: 'detached' });
    await page.reload();
    await agenda().getByText(`Результаты: ${PROCEDURE}`).waitFor();
    expect(await agendaTitles()).toEqual([
      expect.stringContaining(CARRIED),
      expect.stringContaining('государственной итоговой'),
      expect.stringContaining(PROCEDURE),
    ]);
  });

  it('holds it: attendance, what was heard, three decisions with deadlines as written, read back', async () => {
    const who = page.getByRole('combobox', { name: 'Присутствовали' });
    for (const name of ['Кузнецова О. П.', 'Смирнова Е. В.', 'Петров О. И.']) {
      await who.fill(name);
      await who.press('Enter');
    }
    await who.press('Escape');
    await page.getByLabel('Слушали: вопрос 1').fill('Петрова О. И. о ходе дополнительных занятий');
    await page.getByLabel('Слушали: вопрос 3').fill('Смирнову Е. В. об итогах ВПР в 5 классах');

    await page.getByRole('button', { name: 'Добавить решение по вопросу 1' }).click();
    await page
      .getByLabel('Решили (решение 1 по вопросу 1)')
      .fill('Продолжить дополнительные занятия по математике');
    await page.getByLabel('Ответственный (решение 1 по вопросу 1)').fill('Петров О. И.');
    await page.getByLabel('Срок, как в протоколе (решение 1 по вопросу 1)').fill('в течение года');

    await page.getByRole('button', { name: 'Добавить решение по вопросу 3' }).click();
    await page
      .getByLabel('Решили (решение 1 по вопросу 3)')
      .fill('Провести повторную проверочную работу в 5 классах');
    await page.getByLabel('Ответственный (решение 1 по вопросу 3)').fill('Смирнова Е. В.');
    await page.getByLabel('Срок, как в протоколе (решение 1 по вопросу 3)').fill(`до ${typed(due)}`);
    await page.getByRole('button', { name: 'Добавить решение по вопросу 3' }).click();
    await page.getByLabel('Решили (решение 2 по вопросу 3)').fill('Обсуждать результаты на заседаниях ШМО');
    await page.getByLabel('Ответственный (решение 2 по вопросу 3)').fill('Руководители ШМО');
    await page.getByLabel('Срок, как в протоколе (решение 2 по вопросу 3)').fill('постоянно');
    // Each deadline's meaning is under its field while it is typed, before anything is saved.
    const meaning = (n: string) =>
      page
        .locator('.ant-form-item')
        .filter({ has: page.getByLabel(`Срок, как в протоколе (решение ${n})`) })
        .locator('.deadline-meaning');
    await meaning('1 по вопросу 1').getByText(`в течение ${YEAR} учебного года`, { exact: false }).waitFor();
    await meaning('1 по вопросу 3')
      .getByText(`Понят как: до ${inWords(due)}`)
      .waitFor();
    await meaning('2 по вопросу 3')
      .getByText(/постоянно, с .*, отчёт ежемесячно/)
      .waitFor();
    const typo = page.getByLabel('Срок, как в протоколе (решение 2 по вопросу 3)');
    await typo.fill('когда получится');
    await meaning('2 по вопросу 3')
      .getByText('Срок «когда получится» не распознан', { exact: false })
      .waitFor();
    await typo.fill('постоянно');
    await meaning('2 по вопросу 3')
      .getByText(/постоянно, с /)
      .waitFor();
    expect(await page.getByText('Записано решений').count()).toBe(0);
    await noSeriousViolations();
    await screenshot(page, '22-meeting-hold');

    await page.getByRole('button', { name: 'Заседание проведено: записать протокол и решения' }).click();
    const report = page.getByRole('status').filter({ hasText: 'Записано решений' });
    await report.getByText('Протокол № 1. Записано решений: 3 из 3').waitFor({ timeout: 60_000 });
    await report.getByText(`в течение ${YEAR} учебного года`, { exact: false }).waitFor();
    await report.getByText(`до ${inWords(due)}`).waitFor();
    await report.getByText(/постоянно, с .*, отчёт ежемесячно/).waitFor();
    await page.getByRole('link', { name: 'Провести повторную проверочную работу в 5 классах' }).waitFor();
    await page.getByText('Присутствовали: Кузнецова О. П., Смирнова Е. В., Петров О. И.').waitFor();
    await noSeriousViolations();
    await screenshot(page, '23-meeting-protocol');
  });

  it('downloads the protocol and the приказ, and both read as written', async () => {
    for (const [button, expected] of [
      ['Скачать протокол (DOCX)', 'Смирнову Е. В. об итогах ВПР в 5 классах'],
      ['Скачать приказ (DOCX)', 'Провести повторную проверочную работу в 5 классах'],
    ] as const) {
      const downloaded = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const file = path.join(os.tmpdir(), `vsoko-e2e-${Date.now()}-${download.suggestedFilename()}`);
      await download.saveAs(file);
      const { value } = await mammoth.extractRawText({ path: file });
      fs.rmSync(file, { force: true });
      expect(value).toContain(expected);
    }
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Заседания' }).click();
    await page.getByRole('row', { name: /Педагогический совет.*№ 1.*Проведено/ }).waitFor();
  });

  it('corrects the held protocol with a reason; the history says who, when and why, and the protocol says «Исправлено»', async () => {
    const later = addDays(due, 5);
    await page.getByRole('link', { name: 'Педагогический совет' }).click();
    await page.getByRole('heading', { name: 'Протокол № 1' }).waitFor();
    await page.getByRole('link', { name: 'Провести повторную проверочную работу в 5 классах' }).waitFor();
    await page.getByRole('button', { name: 'Исправить протокол' }).click();
    const dialog = page.getByRole('dialog', { name: 'Исправить протокол № 1' });
    // The form opens on the record and the decisions as they stand.
    const heard = dialog.getByLabel(/^Слушали: вопрос 3/);
    expect(await heard.inputValue()).toBe('Смирнову Е. В. об итогах ВПР в 5 классах');
    const deadline = dialog.getByLabel('Срок решения 2, как в протоколе');
    expect(await deadline.inputValue()).toBe(`до ${typed(due)}`);
    expect(await dialog.getByLabel('Присутствовали').inputValue()).toBe(
      'Кузнецова О. П.\nСмирнова Е. В.\nПетров О. И.',
    );

    // Nothing changed: nothing is sent. A reason is required.
    await dialog.getByLabel('Причина исправления').fill('Опечатки в протоколе');
    await page.getByRole('button', { name: 'Сохранить исправление' }).click();
    await dialog.getByText('Ничего не изменено: исправьте запись или решение').waitFor();

    await heard.fill('Смирнову Е. В. об итогах ВПР в 5-х классах (математика, русский язык)');
    await deadline.fill(`до ${typed(later)}`);
    await dialog
      .getByLabel('Присутствовали')
      .fill('Кузнецова О. П.\nСмирнова Е. В.\nПетров О. И.\nОрлова Е. Н.');
    await dialog.getByLabel('Причина исправления').fill('');
    await page.getByRole('button', { name: 'Сохранить исправление' }).click();
    await dialog.getByText('Укажите причину').waitFor();
    await dialog.getByLabel('Причина исправления').fill('Опечатки в протоколе: срок и присутствовавшие');
    await noSeriousViolations();
    await screenshot(page, '66-meeting-correction');
    await page.getByRole('button', { name: 'Сохранить исправление' }).click();
    await dialog.waitFor({ state: 'detached' });

    const history = page.getByRole('list', { name: 'Исправления протокола' });
    await history.getByText(`Исправлено ${inWords(today)}`, { exact: false }).waitFor({ timeout: 30_000 });
    await history
      .getByText(/Кузнецова Ольга Петровна\): Опечатки в протоколе: срок и присутствовавшие/)
      .waitFor();
    await history
      .getByText(
        'Слушали (вопрос 3): «Смирнову Е. В. об итогах ВПР в 5 классах» → «Смирнову Е. В. об итогах ВПР в 5-х классах (математика, русский язык)»',
      )
      .waitFor();
    await history
      .getByText('Присутствовали (3 → 4): Кузнецова О. П., Смирнова Е. В., Петров О. И., Орлова Е. Н.')
      .waitFor();
    await history.getByText('Решение 2: срок (см. историю решения)').waitFor();
    await page.getByText(`«до ${typed(later)}» → до ${inWords(later)}`, { exact: false }).waitFor();
    await page
      .getByText('Присутствовали: Кузнецова О. П., Смирнова Е. В., Петров О. И., Орлова Е. Н.')
      .waitFor();
    await noSeriousViolations();
    await screenshot(page, '67-meeting-corrections');

    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать протокол (DOCX)' }).click();
    const file = path.join(os.tmpdir(), `vsoko-e2e-${Date.now()}-corrected.docx`);
    await (await downloaded).saveAs(file);
    const { value } = await mammoth.extractRawText({ path: file });
    fs.rmSync(file, { force: true });
    expect(value).toContain('Смирнову Е. В. об итогах ВПР в 5-х классах (математика, русский язык)');
    expect(value).toContain(`Срок: до ${typed(later)}.`);
    expect(value).toContain(
      `Исправлено ${typed(today)}: Опечатки в протоколе: срок и присутствовавшие (присутствовали; «слушали»; решение 2: срок).`,
    );
  });

  it('opens the protocol’s history in the audit, filtered by the meeting', async () => {
    await page.getByRole('link', { name: 'История протокола' }).click();
    await page.getByRole('heading', { level: 1, name: /^Аудит/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('meeting')).toBeTruthy();
    // The filter names the meeting it shows, and the history is that meeting's own.
    const filter = page
      .locator('.ant-select')
      .filter({ has: page.getByRole('combobox', { name: 'Заседание' }) });
    await filter.getByText(/^Педагогический совет, /).waitFor();
    await page
      .getByRole('heading', { level: 2, name: /^История протокола: Педагогический совет, / })
      .waitFor();
    await page.getByText(/^Запланировано заседание: Педагогический совет/).waitFor({ timeout: 30_000 });
    await page.getByText(/^Заседание проведено .*протокол № 1/).waitFor();
    await page
      .getByText(/^Принято решение на заседании: «Провести повторную проверочную работу в 5 классах», срок/)
      .waitFor();
    await page
      .getByText(
        /^Протокол исправлен .*решение «Провести повторную проверочную работу в 5 классах» \(срок\)\. Причина: Опечатки в протоколе: срок и присутствовавшие/,
      )
      .waitFor();
    expect(await page.getByText(/^Процедура /).count()).toBe(0);
    await noSeriousViolations();
    await screenshot(page, '68-meeting-history');
  });
});
