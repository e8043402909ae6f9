import 'reflect-metadata';
import { loadConfig } from '@vsoko/config';
import { createApiApp } from './bootstrap';

async function main() {
  const config = loadConfig();
  const app = await createApiApp();
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`API: ${await app.getUrl()}\n`);
}

main().catch((e) => {
  process.stderr.write(`API не запустился: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
