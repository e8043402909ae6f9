import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import { startStack, type RunningStack } from '../../infra/dev-stack/stack';
import { CHROMIUM_ARGS } from '../../web/e2e/support/chromium-args';
import { TEST_NAMESPACES } from './namespaces';

/**
 * One headless Debian Chromium for every end-to-end file of the run (web/e2e), when the run includes them:
 * launching it once instead of per file saves seconds a file on a busy machine. The web application is built
 * first, before any test file starts an API that looks for it.
 */
async function startSharedBrowser(pattern: string): Promise<void> {
  if (pattern !== '' && !/web/.test(pattern)) return;
  // Plain-JS bootstrap scripts, shared with `npm start`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureChromium } = require('../../infra/scripts/ensure-chromium') as { ensureChromium(): string };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureWeb } = require('../../infra/scripts/ensure-web') as { ensureWeb(): string };
  ensureWeb();
  const server = await chromium.launchServer({
    executablePath: ensureChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  globalThis.__VSOKO_BROWSER__ = server;
  process.env.VSOKO_E2E_BROWSER_WS = server.wsEndpoint();
}

declare global {
  var __VSOKO_STACK__: RunningStack | undefined;
  var __VSOKO_BROWSER__: BrowserServer | undefined;
}

/**
 * One real dev stack (Temporal dev server, FerretDB, SMTP capture) for the whole integration run, on free
 * ports with throw-away data. Servers given in the environment (TEMPORAL_ADDRESS, MONGODB_URL) are used instead.
 */
export default async function globalSetup(globalConfig?: { testPathPattern?: string }): Promise<void> {
  await startSharedBrowser(globalConfig?.testPathPattern ?? '');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-it-'));
  const t0 = Date.now();
  const stack = await startStack({ dataDir, namespaces: TEST_NAMESPACES });
  globalThis.__VSOKO_STACK__ = stack;
  for (const [key, value] of Object.entries(stack.endpoints)) if (value) process.env[key] = value;
  process.env.VSOKO_IT_DATA_DIR = dataDir;
  process.stdout.write(
    `\n[vsoko] integration stack up in ${Date.now() - t0} ms: Temporal ${stack.endpoints.TEMPORAL_ADDRESS}, ` +
      `MongoDB ${stack.endpoints.MONGODB_URL}, SMTP ${stack.endpoints.SMTP_URL} (embedded: ${stack.embedded.join(', ') || 'none'})\n`,
  );
}
