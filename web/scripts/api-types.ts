import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** The committed client types, generated from the API's OpenAPI document (`npm run web:api`). */
export const API_TYPES_FILE = path.join(root, 'web', 'src', 'api', 'schema.d.ts');

/** openapi-typescript's output for an OpenAPI document: the `paths` the web client is typed by. */
export function generateApiTypes(document: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-openapi-'));
  try {
    const input = path.join(dir, 'openapi.json');
    fs.writeFileSync(input, JSON.stringify(document, null, 2));
    const cli = path.join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    const r = spawnSync(process.execPath, [cli, input, '--alphabetize'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openapi-typescript: ${r.stderr || r.stdout}`);
    return r.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function fetchOpenApi(apiUrl: string): Promise<unknown> {
  const res = await fetch(new URL('/docs-json', apiUrl));
  if (!res.ok) throw new Error(`${apiUrl}/docs-json: HTTP ${res.status}`);
  return res.json();
}

/** `npm run web:api [-- <API address>]`: regenerates the client types from a running API (npm start). */
async function main(): Promise<void> {
  const api = process.argv[2] ?? process.env.VSOKO_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  fs.writeFileSync(API_TYPES_FILE, generateApiTypes(await fetchOpenApi(api)));
  process.stdout.write(`Типы клиента API обновлены из ${api}: ${path.relative(root, API_TYPES_FILE)}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(
      `Не удалось обновить типы клиента API: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exit(1);
  });
}
