import { stringify } from 'csv-stringify/sync';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { putAccount } from '../../test/integration/auth/accounts';
import { SEED_002_SECTION_1, seedTableCells } from '../../test/fixtures/seeds/seed-002-section-1';
import type { Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { signIn } from './support/session';
import { startE2e } from './support/stack';

const SCHOOL = 'web-ilyinskaya';
const LOGIN = 'director.ilyinskaya';
const YEAR = '2023/24';

/**
 * Onboarding from the school's own decisions report (seed 002, as Excel saves it to CSV) in Debian's Chromium:
 * upload, the preview of every meeting and decision, one approval, the meetings then on the meetings screen.
 */
describe('web: the school’s earlier decisions from its own report', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  const csvFile = path.join(os.tmpdir(), `vsoko-e2e-decisions-${process.pid}.csv`);

  beforeAll(async () => {
    ({ s, browser, stop } = await startE2e());
    await putAccount(s, { login: LOGIN, role: 'director', scope: SCHOOL, name: 'Ильина Татьяна Павловна' });
    const padded = seedTableCells().map((row) => [...row, ...Array<string>(6 - row.length).fill('')]);
    fs.writeFileSync(csvFile, stringify(padded, { delimiter: ';' }));
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

  it('previews the report’s meetings and decisions, then writes them once', async () => {
    await page.goto('/plan/import');
    await page.getByRole('link', { name: 'Загрузить отчёт о принятых решениях' }).click();
    await page.getByRole('heading', { level: 1, name: 'Решения прежних заседаний' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(csvFile);
    await page.getByRole('combobox', { name: 'Учебный год отчёта' }).click();
    await page.locator('.ant-select-item-option', { hasText: YEAR }).click();
    await page.getByRole('button', { name: 'Показать, что получится' }).click();
    await page.getByText('заседаний 8; решений 23').waitFor();
    expect(await page.locator('h3.card-title').count()).toBe(SEED_002_SECTION_1.length);
    await page.getByText(SEED_002_SECTION_1[0].decisions[0].wording).first().waitFor();
    await noSeriousViolations();
    await screenshot(page, '38-decisions-import-preview');

    await page.getByRole('button', { name: 'Записать заседания и решения: 23' }).click();
    await page.getByText('Заседания и решения записаны').waitFor({ timeout: 60_000 });
    await page.getByText('Заседаний записано: 8').waitFor();
    await page.getByText('Решений записано: 23').waitFor();
    await noSeriousViolations();
    await screenshot(page, '39-decisions-import-approved');

    await page.getByRole('button', { name: 'Открыть заседания' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });
});
