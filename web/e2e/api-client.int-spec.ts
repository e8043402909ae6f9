import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServices, type Services } from '../../test/integration/harness';
import { API_TYPES_FILE, fetchOpenApi, generateApiTypes } from '../scripts/api-types';

describe('web: the API client is generated from the live OpenAPI document', () => {
  let s: Services;

  beforeAll(async () => {
    s = await startServices();
  });
  afterAll(() => s?.stop());

  it('matches the committed client types; after an API change run `npm run web:api` with npm start running', async () => {
    const generated = generateApiTypes(await fetchOpenApi(s.baseUrl));
    const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
    // A whole-file comparison prints an unreadable diff: name the first line that differs instead.
    const a = committed.split('\n');
    const b = generated.split('\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    const firstDifference =
      at === -1 && a.length === b.length
        ? null
        : { line: at + 1, committed: a[at], live: b[at], liveFile: keepLive(generated) };
    expect(firstDifference).toBeNull();
  });

  it('names every operation once: the client types key operations by their id', async () => {
    const doc = (await fetchOpenApi(s.baseUrl)) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const routesOf = new Map<string, string[]>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        if (!op.operationId) continue;
        routesOf.set(op.operationId, [...(routesOf.get(op.operationId) ?? []), `${method} ${path}`]);
      }
    }
    expect([...routesOf].filter(([, routes]) => routes.length > 1)).toEqual([]);
  });

  it('lists each header once, and as required only where the route refuses a request without it', async () => {
    const doc = (await fetchOpenApi(s.baseUrl)) as {
      paths: Record<
        string,
        Record<string, { parameters?: Array<{ in: string; name: string; required?: boolean }> }>
      >;
    };
    const required: string[] = [];
    const repeated: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const headers = (op.parameters ?? []).filter((p) => p.in === 'header');
        const names = headers.map((h) => h.name.toLowerCase());
        names
          .filter((name, i) => names.indexOf(name) !== i)
          .forEach((name) => repeated.push(`${method} ${path}: ${name}`));
        headers
          .filter((h) => h.required)
          .forEach((h) => required.push(`${method} ${path}: ${h.name.toLowerCase()}`));
      }
    }
    expect(repeated).toEqual([]);
    // Idempotency-Key, X-Correlation-Id, If-Match, X-School-Id and Prefer are optional everywhere: a client
    // generated from the document must not be made to invent them. Only a signed webhook needs its three.
    expect(required.sort()).toEqual(
      ['x-vsoko-integration', 'x-vsoko-signature', 'x-vsoko-timestamp'].map(
        (h) => `post /integrations/calendar/webhook: ${h}`,
      ),
    );
  });
});

/** The live types, written beside the temporary files (one file per run, so runs in other checkouts do not overwrite it), to be copied in without starting the stack. */
function keepLive(generated: string): string {
  const file = path.join(os.tmpdir(), `vsoko-api-schema.live-${process.pid}.d.ts`);
  fs.writeFileSync(file, generated);
  return file;
}
