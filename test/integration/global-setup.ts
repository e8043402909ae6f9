import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startStack, type RunningStack } from '../../infra/dev-stack/stack';
import { TEST_NAMESPACES } from './namespaces';

declare global {
  var __VSOKO_STACK__: RunningStack | undefined;
}

/**
 * One real dev stack (Temporal dev server, FerretDB, SMTP capture) for the whole integration run, on free
 * ports with throw-away data. Servers given in the environment (TEMPORAL_ADDRESS, MONGODB_URL) are used instead.
 */
export default async function globalSetup(): Promise<void> {
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
