import type { Browser, BrowserContext, Page } from 'playwright-core';
import { xlsxOf } from '../../test/fixtures/plans/build-files';
import type { Table } from '../../test/fixtures/plans/seed-tables';
import { login, putAccount, putDistrict } from '../../test/integration/auth/accounts';
import { json, type JsonBody, type Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { signIn } from './support/session';
import { startE2e } from './support/stack';

const DISTRICT = 'web-templates';
const SCHOOLS = { a: 'web-t-school-1', b: 'web-t-school-2', c: 'web-t-school-3' };
const NAMES = { a: 'МБОУ «СОШ № 1»', b: 'МБОУ «Гимназия № 2»', c: 'МБОУ «СОШ № 3»' };
const ADMIN = 'admin.templates';
const INSPECTOR = 'inspector.templates';

const HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'];
const DEPUTY = 'Заместитель директора по УВР';
const row = (n: string, title: string, month: string) => [n, title, month, DEPUTY, 'Аналитическая справка'];
const VERSION_1: Table = [
  HEADER,
  row('1', 'ВПР по математике, 4 класс', 'апрель'),
  row('2', 'ВПР по русскому языку, 4 класс', 'апрель'),
  row('3', 'Анализ результатов ВПР', 'май'),
];
const VERSION_2: Table = [...VERSION_1, row('4', 'ВПР по истории, 5 класс', 'март')];

const RUSSIAN_DAY =
  /\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}/;

/**
 * The district's plan templates in Debian's Chromium: the district administrator publishes one from a file; two
 * schools adopt it (one only part of it); the inspector revises it; one school accepts the revision. The list
 * says how many schools stand at the latest version, and the template's page which school is on which version
 * since when, and which have not adopted it.
 */
describe('web: district plan templates and who adopted them', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let templateId: string;

  beforeAll(async () => {
    ({ s, browser, stop } = await startE2e());
    await putDistrict(s, DISTRICT, Object.values(SCHOOLS), {
      district: 'Заречный район',
      schools: { [SCHOOLS.a]: NAMES.a, [SCHOOLS.b]: NAMES.b, [SCHOOLS.c]: NAMES.c },
    });
    await putAccount(s, {
      login: ADMIN,
      role: 'district-admin',
      scope: DISTRICT,
      name: 'Белова Ирина Сергеевна',
    });
    await putAccount(s, {
      login: INSPECTOR,
      role: 'inspector',
      scope: DISTRICT,
      name: 'Орлова Марина Сергеевна',
    });
    for (const [key, schoolId] of [
      ['a', SCHOOLS.a],
      ['b', SCHOOLS.b],
    ] as const) {
      await putAccount(s, {
        login: `director.${key}`,
        role: 'director',
        scope: schoolId,
        name: `Директор ${key}`,
      });
    }
    context = await newContext(browser, s.baseUrl);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await stop?.();
  });

  const noSeriousViolations = async () => expect(await seriousViolations(page)).toEqual([]);
  const post = async (headers: Record<string, string>, route: string, body: JsonBody) => {
    const res = await fetch(`${s.baseUrl}${route}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (res.status !== 200) throw new Error(`${route}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const adopt = async (director: Record<string, string>, schoolId: string, rows?: string[]) => {
    const preview = await post(director, `/plans/templates/${templateId}/adopt`, {
      schoolId,
      ...(rows ? { rows } : {}),
    });
    await post(director, `/plans/imports/${preview.importId}/approve`, {});
    return preview;
  };

  it('lets the district administrator publish a template from a file', async () => {
    await signIn(page, ADMIN);
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Район' }).click();
    await page.getByRole('tab', { name: 'Шаблоны планов' }).click();
    await page.getByRole('heading', { level: 1, name: 'Шаблоны планов: Заречный район' }).waitFor();
    await page.getByText('Район ещё не опубликовал ни одного шаблона.').waitFor();

    await page.getByLabel('Название шаблона').fill('Мониторинг ВПР');
    templateId = await page.getByLabel('Код шаблона').inputValue();
    expect(templateId).toMatch(/^monitoring-vpr-\d{4}-\d{2}$/);
    await page.locator('input[type=file]').setInputFiles({
      name: 'ВПР.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsxOf(VERSION_1),
    });
    await page.getByRole('button', { name: 'Опубликовать шаблон' }).click();
    await page.getByText('Опубликована версия 1: строк 3').waitFor();
    const listed = page.getByRole('table').getByRole('row').nth(1);
    await listed.getByRole('link', { name: 'Мониторинг ВПР' }).waitFor();
    await listed.getByText('0 из 3', { exact: true }).waitFor();
    await listed.getByText('не приняли 3').waitFor();
    await noSeriousViolations();
    await screenshot(page, '62-district-template-publish');
  });

  it("shows how many schools are on the latest version, and each school's version since when", async () => {
    const events = await s.store.readStream(`template-${DISTRICT}-${templateId}`);
    expect(events.map((e) => [e.type, e.metadata.actor.id])).toEqual([['TemplatePublished', ADMIN]]);
    const first = await login(s.baseUrl, 'director.a');
    const second = await login(s.baseUrl, 'director.b');
    const preview = await adopt(first, SCHOOLS.a);
    const [math, , analysis] = preview.rows as JsonBody[];
    await adopt(second, SCHOOLS.b, [math.rowKey, analysis.rowKey]);
    // The inspector revises the template through the API; the first school accepts the revision.
    const form = new FormData();
    form.append('file', new Blob([await xlsxOf(VERSION_2)]), 'ВПР.xlsx');
    form.append('districtId', DISTRICT);
    form.append('templateId', templateId);
    form.append('title', 'Мониторинг ВПР');
    form.append('academicYear', (events[0].data as JsonBody).academicYear);
    const revised = await fetch(`${s.baseUrl}/plans/templates`, {
      method: 'POST',
      headers: await login(s.baseUrl, INSPECTOR),
      body: form,
    });
    expect(await json(revised)).toMatchObject({ recorded: true, version: 2 });
    await post(first, `/plans/templates/${templateId}/accept`, { schoolId: SCHOOLS.a });
    const head = await s.store.headPosition();

    // The screen reads the read models: wait until they hold the last approval, then open it.
    const caught = await fetch(
      `${s.baseUrl}/districts/${DISTRICT}/plan-templates?waitForPosition=${head}&timeoutMs=30000`,
      { headers: await login(s.baseUrl, INSPECTOR) },
    );
    expect(caught.status).toBe(200);
    await page.goto(`/district/templates?district=${DISTRICT}`);
    const listed = page.getByRole('table').getByRole('row').nth(1);
    await listed.getByText('1 из 3', { exact: true }).waitFor();
    await listed.getByText('на прежней версии 1; не приняли 1').waitFor();
    await noSeriousViolations();
    await screenshot(page, '60-district-templates');

    await listed.getByRole('link', { name: 'Мониторинг ВПР' }).click();
    await page.getByRole('heading', { level: 1, name: /^Шаблон «Мониторинг ВПР», \d{4}\/\d{2}$/ }).waitFor();
    await page.getByRole('heading', { name: 'На последней версии (1)' }).waitFor();
    await page.getByRole('heading', { name: 'На прежней версии (1)' }).waitFor();
    await page.getByRole('heading', { name: 'Ещё не приняли (1)' }).waitFor();
    const latest = page.getByRole('table', { name: 'Школы, принявшие версию 2' }).getByRole('row').nth(1);
    await latest.getByText(NAMES.a).waitFor();
    expect(await latest.innerText()).toMatch(RUSSIAN_DAY);
    await latest.getByText('все строки (4)').waitFor();
    await latest.getByText(/Директор a · Москва/).waitFor();
    const older = page
      .getByRole('table', { name: 'Школы на прежних версиях шаблона' })
      .getByRole('row')
      .nth(1);
    await older.getByText(NAMES.b).waitFor();
    await older.getByText('версия 1').waitFor();
    await older.getByText('2 из 3 строк').waitFor();
    await page.getByRole('listitem').filter({ hasText: NAMES.c }).waitFor();
    const versions = page.getByRole('table', { name: 'Версии шаблона, последняя первой' }).getByRole('row');
    await versions.nth(1).getByText('добавлено 1').waitFor();
    await versions
      .nth(1)
      .getByText(/Орлова Марина Сергеевна/)
      .waitFor();
    await versions.nth(2).getByText('первая версия').waitFor();
    await versions
      .nth(2)
      .getByText(/Белова Ирина Сергеевна/)
      .waitFor();
    await noSeriousViolations();
    await screenshot(page, '61-district-template');
  });
});
