import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__VSOKO_BROWSER__?.close();
  await globalThis.__VSOKO_STACK__?.stop();
  const dir = process.env.VSOKO_IT_DATA_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
