import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium-args';

// Plain-JS bootstrap scripts, shared with `npm start` and `npm test`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureChromium } = require('../../../infra/scripts/ensure-chromium') as { ensureChromium(): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureWeb } = require('../../../infra/scripts/ensure-web') as { ensureWeb(): string };

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

/**
 * Debian's Chromium, headless. When the integration run's global setup started one for every end-to-end file
 * (VSOKO_E2E_BROWSER_WS), this connects to it — each test makes its own context, a fresh profile — and `close`
 * only disconnects; run alone, the file launches its own. Either way web/dist is current before the API starts.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  ensureWeb();
  const shared = process.env.VSOKO_E2E_BROWSER_WS;
  const browser = shared
    ? await chromium.connect(shared)
    : await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close() };
}

export async function newContext(browser: Browser, baseURL: string, phone = false): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    acceptDownloads: true,
    viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
}

/** axe-core's serious and critical findings on the page as it stands, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // A select's dropdown or a date picker's calendar that is still closing after a choice stays in the page for
  // a few frames (antd animates it away; the select's screen-reader list has no name of its own, the picker's
  // header buttons are named differently from their text): the screen is checked as it stands once the choice
  // is made and the popup has gone.
  await page
    .locator('.ant-select-dropdown:visible, .ant-picker-dropdown:visible')
    .first()
    .waitFor({ state: 'hidden' });
  // Likewise a dialog fading in or out (its text is pale mid-fade, which axe reads as too little contrast): the
  // check waits for antd's motion to end. An element hidden mid-motion never gets its transition's end and keeps
  // the class for good (seen on the settings page), so the wait is bounded: a real fade ends within half a second.
  await page
    .locator('[class*="-leave-active"], [class*="-enter-active"], [class*="-appear-active"]')
    .first()
    .waitFor({ state: 'detached', timeout: 3_000 })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A screenshot for docs/screenshots (committed, shown in the README). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}
