import type { Browser, Page } from 'playwright-core';
import { putAccount, TEST_PASSWORD } from '../../test/integration/auth/accounts';
import type { Services } from '../../test/integration/harness';
import { newContext, screenshot, seriousViolations } from './support/browser';
import { startE2e } from './support/stack';

const SCHOOL = 'web-school-1';

/** The application served by the API at `/`, driven in Debian's Chromium on the real stack. */
describe('web: signing in and out', () => {
  let s: Services;
  let browser: Browser;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    // The browser first: it builds web/dist when stale, which the API looks for when it starts.
    ({ s, browser, stop } = await startE2e());
    await putAccount(s, {
      login: 'director.web',
      role: 'director',
      scope: SCHOOL,
      name: 'Смирнова Елена Викторовна',
    });
  });
  afterAll(async () => {
    await stop?.();
  });

  const signIn = async (page: Page, password = TEST_PASSWORD) => {
    await page.getByLabel('Логин').fill('director.web');
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
  };

  it('serves the application at / and its screens on reload, while API routes keep answering JSON', async () => {
    const page = await fetch(`${s.baseUrl}/plan`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${s.baseUrl}/procedures/x`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    const unknown = await fetch(`${s.baseUrl}/no-such-route`);
    expect(await unknown.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('signs in with the keyboard, keeps the session across a reload, and signs out', async () => {
    const context = await newContext(browser, s.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Вход в ВСОКО' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '01-sign-in');

    await signIn(page, 'wrong password');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/неверн/i);

    await page.getByLabel('Пароль').fill(TEST_PASSWORD);
    await page.getByLabel('Пароль').press('Enter');
    await page.getByRole('heading', { name: /План ВСОКО на \d{4}\/\d{2} учебный год/ }).waitFor();
    expect(page.url()).toMatch(/\/plan$/);

    await page.reload();
    await page.getByRole('heading', { name: /План ВСОКО/ }).waitFor();

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByText('Вы вышли из системы.').waitFor();
    await page.goto('/board');
    await page.getByRole('heading', { name: 'Вход в ВСОКО' }).waitFor();
    await context.close();
  });

  it('returns to sign-in with a Russian message when the server no longer accepts the session', async () => {
    const context = await newContext(browser, s.baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await signIn(page);
    await page.getByRole('heading', { name: /План ВСОКО/ }).waitFor();
    const stored = (await page.evaluate("localStorage.getItem('vsoko.session')")) as string | null;
    const { token } = JSON.parse(stored!) as { token: string };
    const out = await fetch(`${s.baseUrl}/auth/logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    await page.reload();
    await page.getByText('Сеанс истёк. Войдите снова, чтобы продолжить.').waitFor();
    await screenshot(page, '01-sign-in-expired');
    await context.close();
  });
});
