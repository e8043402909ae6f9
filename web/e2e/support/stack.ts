import type { Browser } from 'playwright-core';
import { startServices, type Services } from '../../../test/integration/harness';
import { launchBrowser } from './browser';

export interface E2eStack {
  s: Services;
  browser: Browser;
  /** Ends the browser (or the connection to the shared one) and the services, and takes the variables back. */
  stop(): Promise<void>;
}

/**
 * What every end-to-end file starts with: the browser, then the API on the real servers, signed in to only as a
 * browser is (no development headers) and with the file's own `env` (rate limits raised for a long journey…)
 * set while it runs.
 */
export async function startE2e(env: Record<string, string> = {}): Promise<E2eStack> {
  const { browser, close } = await launchBrowser();
  const vars = { AUTH_DEV_HEADERS: 'false', ...env };
  Object.assign(process.env, vars);
  const restore = () => {
    for (const name of Object.keys(vars)) delete process.env[name];
  };
  let s: Services;
  try {
    s = await startServices();
  } catch (e) {
    await close();
    restore();
    throw e;
  }
  return {
    s,
    browser,
    async stop() {
      await close();
      await s.stop();
      restore();
    },
  };
}
