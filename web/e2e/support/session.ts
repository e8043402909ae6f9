import type { Locator, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../../test/integration/auth/accounts';

/**
 * Signs in on the sign-in page as a person does, and waits until the application shows its sections (and,
 * when given, the heading of the first screen: its data has then loaded).
 */
export async function signIn(
  page: Page,
  login: string,
  options: { password?: string; landing?: string | RegExp } = {},
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(options.password ?? TEST_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('navigation', { name: 'Разделы' }).waitFor();
  if (options.landing) await page.getByRole('heading', { name: options.landing }).first().waitFor();
}

/** Follows an invitation (or reset) link's token: chooses the password twice and is signed in. */
export async function acceptInvitation(page: Page, token: string, password: string): Promise<void> {
  await page.goto(`/invitation#token=${token}`);
  await page.getByRole('heading', { name: 'Добро пожаловать в ВСОКО' }).waitFor();
  await page.getByLabel('Новый пароль', { exact: true }).fill(password);
  await page.getByLabel('Новый пароль ещё раз').fill(password);
  await page.getByRole('button', { name: 'Задать пароль и войти' }).click();
  await page.getByRole('navigation', { name: 'Разделы' }).waitFor();
}

/**
 * Picks an option of an antd select: opens it, clicks the option in the open dropdown (a closed one stays in the
 * page, hidden, with the same options) and waits until the dropdown has gone.
 */
export async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/**
 * Reloads the page until `what` shows, for figures the read models count a moment after the write that caused
 * them (the page itself fetches once). Bounded: a figure that never comes fails with the locator's own error.
 */
export async function reloadUntilVisible(page: Page, what: Locator, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await what.first().waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.reload();
    }
  }
}

/**
 * Closes an antd dialog by its close button and waits until it has left the page. Not by Escape: antd hands
 * Escape to the newest popup still open, and a select's dropdown counts as open until its closing motion ends
 * (late on a loaded machine, or never when it was hidden mid-motion), so the key could close nothing and leave the
 * dialog standing. The click itself waits until the dialog has finished opening (the button is stable).
 */
export async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.locator('.ant-modal-close').click();
  await dialog.waitFor({ state: 'detached' });
}
