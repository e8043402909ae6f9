import { academicYearOf, addDays, localDateOf } from '@vsoko/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { docxOf } from '../../test/fixtures/plans/build-files';
import { seedTable, SEED_000 } from '../../test/fixtures/plans/seed-tables';
import { STAFF_40, staffXlsx } from '../../test/fixtures/staff/staff-list';
import { putAccount, putDistrict } from '../../test/integration/auth/accounts';
import type { Services } from '../../test/integration/harness';
import { mailCount, mailTo, tokenIn } from '../../test/integration/people/mailbox';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { inWords, typed } from './support/dates';
import { ZONE } from './support/seed';
import { acceptInvitation, choose, reloadUntilVisible, signIn } from './support/session';
import { startE2e } from './support/stack';

const today = localDateOf(Date.now(), ZONE);
const YEAR = academicYearOf(today);

const DISTRICT = { id: 'district-north', name: 'Северный район' };
const ADMIN = { login: 'volkova.ta', name: 'Волкова Татьяна Андреевна' };
const SCHOOL = { id: 'school-7', name: 'МАОУ «СОШ № 7»' };
// The director is on the school's own staff list (its first row): the list's import finds her already there.
const DIRECTOR = { login: 'sokolova.tp', fullName: STAFF_40[0].fullName, email: STAFF_40[0].email! };
const TEACHER = STAFF_40.find((p) => p.fullName === 'Иванова Мария Петровна')!;
const INSPECTOR = {
  login: 'orlova.ms',
  fullName: 'Орлова Марина Сергеевна',
  email: 'orlova.ms@district-north.test',
};
const DIRECTOR_PASSWORD = 'белые ночи над невой';
const TEACHER_PASSWORD = 'тёплый дождь в саду';
const INSPECTOR_PASSWORD = 'тихая река под мостом';

const QUESTION = 'Об адаптации обучающихся 1, 5 и 10 классов';
const DUE = addDays(today, 14);
const DECISIONS = [
  {
    wording: 'Провести родительское собрание в 1А по итогам адаптации первоклассников',
    lead: TEACHER.fullName,
    deadline: `до ${typed(DUE).slice(0, 5)}`,
    readBack: `до ${inWords(DUE)}`,
    evidenceRequired: true,
  },
  {
    wording: 'Организовать психолого-педагогическое сопровождение обучающихся группы риска',
    lead: 'Лебедева Анна Сергеевна',
    deadline: 'в течение года',
    readBack: `в течение ${YEAR} учебного года`,
  },
  {
    wording: 'Рассматривать результаты адаптации на совещаниях при директоре',
    lead: 'Виноградова Валентина Андреевна',
    deadline: 'постоянно',
    readBack: 'постоянно, с ',
  },
];
const EVIDENCE = 'protokol-sobraniya-1a.pdf';
/** Each step waits on real work (parsing, Temporal fan-outs, the projector): minutes on a loaded 2-core machine. */
const STEP = 300_000;

/**
 * Issue 17 «Done when»: a new school tried from the README, only in the browser (Debian's Chromium), on the same
 * stack `npm start` brings up on its embedded defaults (API, worker and projector in this process; Temporal dev
 * server, the SQLite event log, FerretDB and the SMTP capture; invitation links come from the captured mail).
 *
 * 1. A district administrator signs in and opens a school with its director on the district page.
 * 2. The director follows the mailed invitation and chooses her password.
 * 3. She imports the staff list (40 people, .xlsx) and the year's plan (seed 000, .docx), deciding on the preview
 *    what happened with the rows whose window has passed, and watches each approval's progress to the end.
 * 4. She plans a педсовет and holds it: three decisions, deadlines typed as a protocol writes them, responsibles
 *    chosen from the staff list.
 * 5. A teacher from the list follows her invitation on a phone (390×844), opens «Моя работа» and confirms her
 *    decision with a file, then marks it executed.
 * 6. The director records the decision's effectiveness.
 * 7. The district administrator appoints the district's inspector on the district page and invites her; the
 *    inspector follows the mailed invitation, sees the school on the district page with its figures, and opens
 *    it read-only.
 *
 * Outside the browser, and why: the district and its administrator are registered by the installation
 * (`npm run vsoko -- seed demo` does this one act as the system: there is nobody yet who could sign in); here
 * `putDistrict`/`putAccount` write the same events.
 * axe-core checks every screen; screenshots 50–59 and 70.
 */
describe('web: a new school, from the district’s first act to the inspector’s view', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let director: Page;
  let teacherMailsBefore = 0;
  let performedPast = 0;

  const open = async (phone = false): Promise<Page> => {
    const context = await newContext(browser, s.baseUrl, phone);
    // A screen waiting on the API is slow on a loaded machine: twice Playwright's 30 s before a step gives up.
    context.setDefaultTimeout(60_000);
    contexts.push(context);
    return context.newPage();
  };
  const noSeriousViolations = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);
  const section = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name });

  beforeAll(async () => {
    ({ s, browser, stop } = await startE2e({
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '100000',
    }));
    await putDistrict(s, DISTRICT.id, [], { district: DISTRICT.name });
    await putAccount(s, {
      login: ADMIN.login,
      role: 'district-admin',
      scope: DISTRICT.id,
      name: ADMIN.name,
    });
  }, 240_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await stop?.();
  });

  it(
    '1–2. the district administrator opens the school; its director accepts the invitation',
    async () => {
      admin = await open();
      await signIn(admin, ADMIN.login);
      await section(admin, 'Район').click();
      await admin.getByRole('heading', { name: 'Открыть школу' }).waitFor();
      await admin.getByLabel('Название школы').fill(SCHOOL.name);
      await admin.getByLabel('Код школы').fill(SCHOOL.id);
      await admin.getByLabel('Директор: ФИО').fill(DIRECTOR.fullName);
      await admin.getByLabel('Директор: логин').fill(DIRECTOR.login);
      await admin.getByLabel('Директор: почта для приглашения').fill(DIRECTOR.email);
      const seen = await mailCount(DIRECTOR.email, /Приглашение/);
      await admin.getByRole('button', { name: 'Открыть школу и пригласить директора' }).click();
      await admin
        .getByText(`Школа «${SCHOOL.name}» открыта. Приглашение отправлено директору на ${DIRECTOR.email}.`)
        .waitFor();
      await noSeriousViolations(admin);
      await screenshot(admin, '50-journey-school-opened');

      const mail = await mailTo(DIRECTOR.email, /Приглашение/, seen);
      expect(mail.text).toContain(`Ваш логин: ${DIRECTOR.login}`);
      director = await open();
      await acceptInvitation(director, tokenIn(mail), DIRECTOR_PASSWORD);
      await director.getByRole('heading', { name: /План ВСОКО на/ }).waitFor();
      await director.getByText(DIRECTOR.fullName).first().waitFor();
      expect(director.url()).not.toContain('token');
    },
    STEP,
  );

  it(
    '3a. the director imports the staff list from Excel and sees its approval through',
    async () => {
      await section(director, 'Сотрудники').click();
      await director.getByRole('heading', { name: 'Сотрудники', level: 1 }).waitFor();
      await director.getByRole('link', { name: 'Загрузить список сотрудников' }).click();
      await director.getByRole('heading', { name: 'Загрузка списка сотрудников' }).waitFor();
      await director.locator('input[type=file]').setInputFiles({
        name: 'Список сотрудников 2026-27.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await staffXlsx(STAFF_40),
      });
      // The director's own row is the person the district appointed: nothing new for her.
      await director
        .getByText(/Сотрудников: 40; новых: 39, с новыми должностями: 0, без изменений: 1/)
        .waitFor();
      await director.getByRole('cell', { name: TEACHER.fullName }).waitFor();
      await noSeriousViolations(director);

      teacherMailsBefore = await mailCount(TEACHER.email!, /Приглашение/);
      await director.getByRole('button', { name: 'Утвердить список: сотрудников 39' }).click();
      const done = director.getByRole('status').filter({ hasText: 'Список утверждён' });
      await done.waitFor({ timeout: 240_000 });
      await done
        .getByText(
          /Заведено учётных записей: 39; назначено должностей: \d+; приглашений отправлено: 38; без почты \(пригласить нельзя\): 1/,
        )
        .waitFor();
      await noSeriousViolations(director);
      await screenshot(director, '51-journey-staff-imported');
      await done.getByRole('link', { name: 'Открыть список сотрудников' }).click();
      await director.getByRole('row', { name: new RegExp(TEACHER.fullName) }).waitFor();
    },
    STEP,
  );

  it(
    '3b. she imports the plan, deciding what happened with the rows already past, and sees it approved',
    async () => {
      await section(director, 'План').click();
      await director.getByRole('link', { name: 'Загрузите план ВСОКО школы' }).click();
      await director.getByRole('heading', { name: 'Загрузка плана ВСОКО' }).waitFor();
      await director.locator('input[type=file]').setInputFiles({
        name: 'План ВСОКО.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await docxOf(seedTable(SEED_000)),
      });
      await choose(director, director.getByRole('combobox', { name: 'Учебный год' }), YEAR);
      await director.getByRole('button', { name: 'Показать, что получится' }).click();
      await director.getByRole('heading', { name: '2. Что получится' }).waitFor({ timeout: 120_000 });

      // The school starts mid-year: the rows whose window has passed were done, but for one that was not held.
      const pastHeading = director.getByRole('heading', {
        name: /3\. Строки, срок которых уже прошёл \(\d+\)/,
      });
      await pastHeading.waitFor();
      const past = Number(/\((\d+)\)/.exec(await pastHeading.innerText())![1]);
      expect(past).toBeGreaterThan(1);
      const card = director.locator('.ant-card', { has: pastHeading });
      await choose(
        director,
        card.getByRole('combobox', { name: 'Что было: все прошедшие строки' }),
        'Уже проведена — указать дату',
      );
      const allOn = card.getByRole('textbox', { name: 'Дата проведения: все прошедшие строки' });
      await allOn.click();
      await allOn.fill(typed(addDays(today, -1)));
      await allOn.press('Tab');
      const first = card.locator('tbody tr.ant-table-row').first();
      const title = (await first.locator('td').nth(1).innerText()).trim();
      await first.getByRole('button', { name: 'Иначе, чем для всех…' }).click();
      await choose(
        director,
        first.getByRole('combobox', { name: `Что было: ${title}` }),
        'Не проводится — отменить с причиной',
      );
      await first
        .getByRole('textbox', { name: `Причина отмены: ${title}` })
        .fill('Не проводилась: школа открыта в ноябре');
      performedPast = past - 1;
      await noSeriousViolations(director);
      await screenshot(director, '52-journey-plan-past-rows');

      await director.getByRole('button', { name: /Утвердить план: процедур \d+/ }).click();
      // The fan-out's progress, polled live, to its end.
      await director
        .getByRole('status')
        .filter({ hasText: /Готово: обработано процедур — \d+/ })
        .waitFor({ timeout: 240_000 });
      await director.getByText('План утверждён').waitFor();
      await director.getByText(`отмечено проведёнными: ${performedPast}`).waitFor();
      await noSeriousViolations(director);
      await screenshot(director, '53-journey-plan-approved');
      await director.getByRole('button', { name: 'Открыть план' }).click();
      await director.getByRole('heading', { name: `План ВСОКО на ${YEAR} учебный год` }).waitFor();
    },
    STEP,
  );

  it(
    '4. she plans a педсовет and holds it: three decisions, responsibles from the staff list',
    async () => {
      await section(director, 'Заседания').click();
      await director.getByRole('heading', { name: `Заседания ${YEAR} учебного года` }).waitFor();
      await director.getByRole('button', { name: 'Запланировать заседание' }).click();
      const date = director.getByRole('textbox', { name: 'Дата заседания' });
      await date.click();
      await date.fill(typed(today));
      await date.press('Enter');
      await director.getByLabel('Председатель').fill('Соколова Т. П.');
      await director.getByLabel('Секретарь').fill('Ершова С. Ю.');
      await director.getByRole('button', { name: 'Запланировать', exact: true }).click();
      await director.getByRole('heading', { name: `Педагогический совет, ${inWords(today)}` }).waitFor();

      await director.getByLabel('Вопрос', { exact: true }).fill(QUESTION);
      await director.getByLabel('Причина дополнения').fill('Предложение директора');
      await director.getByRole('button', { name: 'Добавить в повестку' }).click();
      await director.getByRole('list', { name: 'Повестка' }).getByText(QUESTION).waitFor();
      const n =
        (
          await director.getByRole('list', { name: 'Повестка' }).locator('.agenda-title').allInnerTexts()
        ).findIndex((t) => t.includes(QUESTION)) + 1;
      expect(n).toBeGreaterThan(0);

      const who = director.getByRole('combobox', { name: 'Присутствовали' });
      for (const name of [DIRECTOR.fullName, TEACHER.fullName, DECISIONS[1].lead, DECISIONS[2].lead]) {
        await who.fill(name);
        await who.press('Enter');
      }
      await who.press('Escape');
      await director
        .getByLabel(`Слушали: вопрос ${n}`)
        .fill('Виноградову В. А. об итогах входной диагностики');
      for (const [k, d] of DECISIONS.entries()) {
        const label = `решение ${k + 1} по вопросу ${n}`;
        await director.getByRole('button', { name: `Добавить решение по вопросу ${n}` }).click();
        await director.getByLabel(`Решили (${label})`).fill(d.wording);
        // The responsible is chosen from the school's staff list (the field suggests its names).
        expect(await director.locator(`datalist#staff-names option[value="${d.lead}"]`).count()).toBe(1);
        await director.getByLabel(`Ответственный (${label})`).fill(d.lead);
        await director.getByLabel(`Срок, как в протоколе (${label})`).fill(d.deadline);
        if (d.evidenceRequired)
          await director
            .getByRole('group', { name: `Решение ${k + 1} по вопросу ${n}` })
            .getByLabel('Исполнение — только с подтверждением')
            .check();
      }
      await noSeriousViolations(director);
      await screenshot(director, '54-journey-pedsovet-hold');

      await director
        .getByRole('button', { name: 'Заседание проведено: записать протокол и решения' })
        .click();
      const report = director.getByRole('status').filter({ hasText: 'Записано решений' });
      await report.getByText('Записано решений: 3 из 3', { exact: false }).waitFor({ timeout: 120_000 });
      for (const d of DECISIONS) await report.getByText(d.readBack, { exact: false }).first().waitFor();
      await director.getByRole('link', { name: DECISIONS[0].wording }).waitFor();
      await noSeriousViolations(director);
      await screenshot(director, '55-journey-pedsovet-protocol');
    },
    STEP,
  );

  it(
    '5. the teacher accepts her invitation on a phone and confirms her decision with a file',
    async () => {
      const phone = await open(true);
      const mail = await mailTo(TEACHER.email!, /Приглашение/, teacherMailsBefore);
      await acceptInvitation(phone, tokenIn(mail), TEACHER_PASSWORD);
      await section(phone, 'Моя работа').tap();
      await phone.getByRole('heading', { level: 1, name: 'Моя работа' }).waitFor();
      const next = phone.getByRole('button', {
        name: `Подтвердить и отметить исполнение: ${DECISIONS[0].wording}`,
      });
      await reloadUntilVisible(phone, next);
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await noSeriousViolations(phone);
      await screenshot(phone, '56-journey-teacher-phone');

      await next.tap();
      await phone.getByRole('heading', { name: /Решение № 1: Провести родительское собрание/ }).waitFor();
      await phone.getByLabel('Что это за документ').fill('Протокол родительского собрания 1А');
      await phone.locator('input[type=file]').setInputFiles({
        name: EVIDENCE,
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\nПротокол родительского собрания 1А об адаптации\n%%EOF'),
      });
      await phone.getByText(`Файл «${EVIDENCE}»`).waitFor({ timeout: 60_000 });
      await phone.getByRole('button', { name: 'Отметить исполнение', exact: true }).first().tap();
      const dialog = phone.getByRole('dialog');
      await dialog.getByLabel('Комментарий').fill('Собрание проведено, протокол приложен');
      await dialog.getByRole('button', { name: 'Отметить исполнение' }).tap();
      await dialog.waitFor({ state: 'hidden' });
      await phone
        .locator('.ant-tag', { hasText: /^Исполнено$/ })
        .first()
        .waitFor();
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await noSeriousViolations(phone);
      await screenshot(phone, '57-journey-teacher-evidence');
    },
    STEP,
  );

  it(
    '6. the director records the decision’s effectiveness',
    async () => {
      await director.getByRole('link', { name: DECISIONS[0].wording }).click();
      await director.getByRole('heading', { name: /Решение № 1: Провести родительское собрание/ }).waitFor();
      const assess = director.getByRole('button', { name: 'Оценить эффективность' });
      await reloadUntilVisible(director, assess);
      await director.getByRole('listitem').filter({ hasText: EVIDENCE }).first().waitFor();
      await assess.click();
      const dialog = director.getByRole('dialog');
      await dialog.getByLabel('Эффективно', { exact: true }).check();
      await dialog
        .getByLabel('По какому показателю')
        .fill('На собрании 24 из 26 семей; трудности адаптации — у 2 первоклассников из 26');
      await noSeriousViolations(director);
      await dialog.getByRole('button', { name: 'Оценить эффективность' }).click();
      await director.getByText(/эффективно — На собрании 24 из 26 семей/).waitFor();
      await noSeriousViolations(director);
      await screenshot(director, '58-journey-effectiveness');
    },
    STEP,
  );

  it(
    '7. the district administrator appoints the inspector; she accepts, sees the school with its figures, and opens it read-only',
    async () => {
      await section(admin, 'Район').click();
      await admin.getByRole('tab', { name: 'Инспекторы' }).click();
      await admin.getByRole('heading', { level: 1, name: `Инспекторы района: ${DISTRICT.name}` }).waitFor();
      await admin.getByText('В районе пока нет инспекторов.').waitFor();
      await admin.getByLabel('ФИО').fill(INSPECTOR.fullName);
      await admin.getByLabel('Почта для приглашения').fill(INSPECTOR.email);
      // The login is suggested from the address.
      expect(await admin.getByLabel('Логин').inputValue()).toBe(INSPECTOR.login);
      const seen = await mailCount(INSPECTOR.email, /Приглашение/);
      await admin.getByRole('button', { name: 'Назначить и пригласить' }).click();
      await admin
        .getByText(`Инспектор назначен: ${INSPECTOR.fullName}. Приглашение отправлено на `)
        .waitFor();
      const appointed = admin.getByRole('row', { name: new RegExp(INSPECTOR.fullName) });
      await appointed.getByText('приглашение отправлено').waitFor();
      await appointed.getByText(new RegExp(`^Отправлено ${inWords(today)}, \\d\\d:\\d\\d на `)).waitFor();
      await noSeriousViolations(admin);
      await screenshot(admin, '70-journey-inspector-appointed');

      const inspector = await open();
      await acceptInvitation(
        inspector,
        tokenIn(await mailTo(INSPECTOR.email, /Приглашение/, seen)),
        INSPECTOR_PASSWORD,
      );
      await section(inspector, 'Район').click();
      await inspector
        .getByRole('heading', { level: 1, name: `Школы района: ${DISTRICT.name}, ${YEAR}` })
        .waitFor();
      const row = inspector.getByRole('row', { name: new RegExp(SCHOOL.name.replace(/[«»№]/g, '.')) });
      await reloadUntilVisible(inspector, row.getByText('эффективно 1 из 1'));
      // The педсовет's three decisions count in the school's execution: the first executed by its day, the other
      // two (a year's, a standing one) open and not yet due.
      await row.getByText('1 из 3', { exact: true }).waitFor();
      await row.getByText('33 %', { exact: true }).waitFor();
      expect(await row.getByText('решений пока нет').count()).toBe(0);
      expect(await row.getByText('нет', { exact: true }).count()).toBe(1);
      await row.getByText(new RegExp(`проведено ${performedPast} из \\d+`)).waitFor();
      await noSeriousViolations(inspector);
      await screenshot(inspector, '59-journey-district');

      await inspector.getByRole('button', { name: `Открыть: ${SCHOOL.name}` }).click();
      await inspector.getByRole('heading', { level: 1, name: `${SCHOOL.name}, ${YEAR}` }).waitFor();
      await inspector.getByText('Только просмотр').waitFor();
      await inspector.getByText('33 % (1 из 3)').waitFor();
      await inspector.getByText('решений 0, процедур с просрочкой', { exact: false }).waitFor();

      // Her row on the administrator's screen now says she has signed in.
      await admin.reload();
      await admin
        .getByRole('row', { name: new RegExp(INSPECTOR.fullName) })
        .getByText('вход выполнен')
        .waitFor();
    },
    STEP,
  );
});
