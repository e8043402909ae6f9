import { academicYearOf, addDays, decisionStreamName, localDateOf, type Responsible } from '@vsoko/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { putAccount, putDistrict } from '../../test/integration/auth/accounts';
import type { Services } from '../../test/integration/harness';
import { mailTo, tokenIn } from '../../test/integration/people/mailbox';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { inWords, typed } from './support/dates';
import { apiPost, judgedDecision, runToDecision, scheduled, ZONE, type SchoolSeed } from './support/seed';
import { signIn } from './support/session';
import { startE2e } from './support/stack';

const DISTRICT = 'web-district';
const LATE_SCHOOL = 'web-d-school-7';
const GOOD_SCHOOL = 'web-d-lyceum-2';
const INSPECTOR = 'inspector.district';
const ADMIN = 'admin.district';
const NEW_DIRECTOR = 'sokolova.ia';
const NEW_DIRECTOR_MAIL = 'sokolova.ia@school12.example';
const DIRECTOR_PASSWORD = 'светлый класс у окна';
const today = localDateOf(Date.now(), ZONE);
const PAST = addDays(today, -60);
const YEAR = academicYearOf(PAST);

const deputy: Responsible = { role: 'deputy', name: 'Иванова А. П.' };
const teacher: Responsible = { personId: 'petrova', role: 'teacher', name: 'Петрова Н. С.' };

const OVERDUE_RECORD = {
  meetingId: 'web-d-m7',
  decisionId: 'web-d-dec7',
  wording: 'Провести педагогический консилиум по обучающимся группы риска',
  due: addDays(PAST, 20),
};

/**
 * A педсовет's decision whose day passed unexecuted, typed in after it: adopted over the API, and its workflow
 * marks the deadline missed at once (a decision entered after its day is overdue from the moment it is entered).
 */
async function overdueMeetingDecision(s: Services, headers: Record<string, string>): Promise<void> {
  const post = apiPost(s, headers);
  const { meetingId, decisionId, wording, due } = OVERDUE_RECORD;
  await post('/meetings', {
    id: meetingId,
    academicYear: YEAR,
    level: 'pedagogical-council',
    date: { precision: 'day', date: addDays(PAST, 2) },
    timeZone: ZONE,
    agenda: [{ itemId: 'item-1', title: 'Об обучающихся группы риска' }],
  });
  await post(`/meetings/${meetingId}/held`, {
    minutes: [{ itemId: 'item-1', heard: 'Об обучающихся группы риска', decisionIds: [decisionId] }],
  });
  await post(`/meetings/${meetingId}/decisions`, {
    id: decisionId,
    number: 1,
    wording,
    executors: { lead: { role: 'deputy', name: deputy.name } },
    deadline: { asWritten: `до ${typed(due)}` },
  });
  for (let wait = Date.now() + 60_000; ;) {
    const events = await s.store.readStream(decisionStreamName(decisionId));
    if (events.some((e) => e.type === 'DecisionDeadlineMissed' && e.metadata.actor.kind === 'system')) return;
    if (Date.now() > wait) throw new Error(`${decisionId}: its workflow did not mark the missed deadline`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The district inspector's screens in Debian's Chromium: two schools side by side (one with overdue decisions — a
 * procedure's and a педсовет's — and an overdue procedure, one with its decision executed on time and judged effective), the late one first;
 * drilling into it read-only.
 */
describe('web: the district view for an inspector', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ s, browser, stop } = await startE2e());
    await putDistrict(s, DISTRICT, [LATE_SCHOOL, GOOD_SCHOOL]);
    await putAccount(s, {
      login: INSPECTOR,
      role: 'inspector',
      scope: DISTRICT,
      name: 'Орлова Марина Сергеевна',
    });
    const seed = (schoolId: string): SchoolSeed => ({
      s,
      schoolId,
      academicYear: YEAR,
      districtId: DISTRICT,
      director: { id: `director-${schoolId}`, kind: 'user', role: 'director', name: 'Директор' },
    });

    const late = seed(LATE_SCHOOL);
    const vpr = await scheduled(late, 'vpr', 'Анализ результатов ВПР', 'results', deputy, {
      from: addDays(PAST, 0),
      to: addDays(PAST, 10),
    });
    await runToDecision(late, vpr, addDays(PAST, 5), {
      wording: 'Провести консультации для обучающихся группы риска',
      deadline: addDays(today, -10),
      responsible: teacher,
    });
    await vpr.fire('decision-overdue', 'd1');
    const lessons = await scheduled(
      late,
      'lessons',
      'Посещение уроков молодых специалистов',
      'process',
      deputy,
      {
        from: addDays(today, -30),
        to: addDays(today, -5),
      },
    );
    await lessons.fire('stage-overdue');
    await scheduled(late, 'survey', 'Анкетирование родителей', 'satisfaction', deputy, {
      from: addDays(today, 30),
      to: addDays(today, 50),
    });

    const good = seed(GOOD_SCHOOL);
    const diag = await scheduled(good, 'diag', 'Входная диагностика по математике', 'results', deputy, {
      from: addDays(PAST, 0),
      to: addDays(PAST, 10),
    });
    await runToDecision(good, diag, addDays(PAST, 5), {
      wording: 'Организовать дополнительные занятия по дробям',
      deadline: addDays(PAST, 30),
      responsible: teacher,
    });
    await diag.run(
      {
        type: 'ExecuteDecision',
        data: {
          procedureId: diag.procedureId,
          decisionId: 'd1',
          executedOn: addDays(PAST, 25),
          evidence: { description: 'Журнал дополнительных занятий' },
        },
      },
      good.director,
      `${addDays(PAST, 25)}T07:00:00.000Z`,
    );
    await overdueMeetingDecision(s, await s.loginAs('director', LATE_SCHOOL));

    const director = await s.loginAs('director', GOOD_SCHOOL);
    await judgedDecision(
      s,
      director,
      { meetingId: 'web-d-m1', decisionId: 'web-d-dec1' },
      YEAR,
      addDays(PAST, 9),
      'effective',
    );

    await putAccount(s, {
      login: ADMIN,
      role: 'district-admin',
      scope: DISTRICT,
      name: 'Волкова Анна Сергеевна',
    });

    context = await newContext(browser, s.baseUrl);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await stop?.();
  });

  const noSeriousViolations = async () => expect(await seriousViolations(page)).toEqual([]);

  it('shows the schools side by side, the one that needs attention first', async () => {
    await signIn(page, INSPECTOR);
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Район' }).click();
    await page.goto(`/district?year=${encodeURIComponent(YEAR)}`);
    await page.getByRole('heading', { level: 1, name: `Школы района: Район ${DISTRICT}, ${YEAR}` }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(2).waitFor();
    const late = rows.nth(1);
    const good = rows.nth(2);
    expect(await late.getByRole('link').innerText()).toBe(`Школа ${LATE_SCHOOL}`);
    // Its procedure's overdue decision and its педсовет's.
    await late.getByText('решений: 2').waitFor();
    await late.getByText('процедур с просрочкой: 2').waitFor();
    await late.getByText('проведено 1 из 3').waitFor();
    await late.getByText('0 из 2', { exact: true }).waitFor();
    expect(await good.getByRole('link').innerText()).toBe(`Школа ${GOOD_SCHOOL}`);
    // Its procedure's decision and its педсовет's, both executed by their days.
    await good.getByText('2 из 2', { exact: true }).waitFor();
    await good.getByText('эффективно 1 из 1').waitFor();
    await good.getByText('проведено 1 из 1').waitFor();
    await noSeriousViolations();
    await screenshot(page, '30-district');
  });

  it('opens a school read-only with what is late in it', async () => {
    await page.getByRole('button', { name: `Открыть: Школа ${LATE_SCHOOL}` }).click();
    await page.getByRole('heading', { level: 1, name: `Школа ${LATE_SCHOOL}, ${YEAR}` }).waitFor();
    await page.getByText('Только просмотр').waitFor();
    // The top bar names the school being read, not its id.
    const bar = page.getByRole('banner');
    await bar.getByText(`Школа ${LATE_SCHOOL}`, { exact: true }).waitFor();
    expect(await bar.getByText(LATE_SCHOOL, { exact: true }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Процедуры с просрочкой (2)' }).waitFor();
    await page.getByRole('link', { name: 'Посещение уроков молодых специалистов' }).waitFor();
    await page.getByRole('heading', { name: 'Просроченные решения (2)' }).waitFor();
    await page.getByText('Провести консультации для обучающихся группы риска').waitFor();
    const council = page.getByRole('row', { name: new RegExp(OVERDUE_RECORD.wording) });
    await council.getByText(inWords(OVERDUE_RECORD.due)).waitFor();
    await council.getByText('Просрочено', { exact: true }).waitFor();
    // By direction, with the meetings' decisions (which have none) in a row of their own: 1 in all, 1 overdue.
    const meetings = page.getByRole('row', { name: /Решения заседаний \(без направления\)/ });
    expect(await meetings.getByRole('cell').allInnerTexts()).toEqual([
      'Решения заседаний (без направления)',
      '1',
      '0 %',
      '1',
    ]);
    await noSeriousViolations();
    await screenshot(page, '31-district-school');

    // The school's own plan opens for reading: the inspector gets no forms.
    await page.getByRole('link', { name: 'Посещение уроков молодых специалистов' }).click();
    await page.getByRole('heading', { level: 1, name: 'Посещение уроков молодых специалистов' }).waitFor();
    await page.getByText('Ваша роль позволяет только просматривать процедуру').waitFor();
    expect(await page.getByRole('button', { name: 'Отметить проведение' }).count()).toBe(0);
  });

  it('lets the district administrator open a school; its director sets a password from the invitation', async () => {
    const admin = await browser.newContext({
      baseURL: s.baseUrl,
      locale: 'ru-RU',
      timezoneId: ZONE,
      viewport: { width: 1440, height: 900 },
    });
    const tab = await admin.newPage();
    try {
      await signIn(tab, ADMIN);
      await tab.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Район' }).click();
      await tab.getByRole('heading', { name: 'Открыть школу' }).waitFor();
      await tab.getByLabel('Название школы').fill('МБОУ «СОШ № 12»');
      await tab.getByLabel('Код школы').fill('web-d-school-12');
      await tab.getByLabel('Директор: ФИО').fill('Соколова Ирина Андреевна');
      await tab.getByLabel('Директор: логин').fill(NEW_DIRECTOR);
      await tab.getByLabel('Директор: почта для приглашения').fill(NEW_DIRECTOR_MAIL);
      await tab.getByRole('button', { name: 'Открыть школу и пригласить директора' }).click();
      await tab
        .getByText(
          `Школа «МБОУ «СОШ № 12»» открыта. Приглашение отправлено директору на ${NEW_DIRECTOR_MAIL}.`,
        )
        .waitFor();
      expect(await seriousViolations(tab)).toEqual([]);
      await screenshot(tab, '44-district-open-school');
    } finally {
      await admin.close();
    }

    // The director follows the mailed link, sets her password and is in her new school.
    const token = tokenIn(await mailTo(NEW_DIRECTOR_MAIL, /Приглашение/));
    const director = await newContext(browser, s.baseUrl);
    const own = await director.newPage();
    try {
      await own.goto(`/invitation#token=${token}`);
      await own.getByLabel('Новый пароль', { exact: true }).fill(DIRECTOR_PASSWORD);
      await own.getByLabel('Новый пароль ещё раз').fill(DIRECTOR_PASSWORD);
      await own.getByRole('button', { name: 'Задать пароль и войти' }).click();
      await own.getByRole('heading', { name: /План ВСОКО на/ }).waitFor();
      await own.getByText('web-d-school-12').first().waitFor();
    } finally {
      await director.close();
    }
  });
});
