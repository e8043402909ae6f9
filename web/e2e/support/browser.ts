import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Plain-JS bootstrap scripts, shared with `npm start` and `npm test`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureChromium } = require('../../../infra/scripts/ensure-chromium') as { ensureChromium(): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureWeb } = require('../../../infra/scripts/ensure-web') as { ensureWeb(): string };

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

/**
 * Debian's Chromium, headless. Playwright gives every launch a fresh, throw-away profile (--user-data-dir of its
 * own; it refuses one passed in args). The flags keep Chromium from reaching out to Google's services, which a
 * closed network refuses many times a second.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  ensureWeb();
  const executablePath = ensureChromium();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
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
