/**
 * Uploads decompression bombs to a running API and reports what the issue asks of it: the status, how long
 * /health took at worst meanwhile, and the API process's resident memory before, at its peak and after.
 *
 *   node infra/scripts/run-ts.js infra/scripts/measure-upload-bomb.ts --api http://127.0.0.1:3000 \
 *     --pid <API process id> --login director.1 --password vsoko-demo --school demo-school-1 [--mib 500]
 */
import * as fs from 'node:fs';
import { zipBomb } from '../../test/fixtures/plans/zip-bomb';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
};

const api = arg('api');
const pid = Number(arg('pid'));
const mib = Number(arg('mib', '500'));

const rssMiB = () => {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : NaN;
};

async function main() {
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: arg('login'), password: arg('password') }),
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { Authorization: `Bearer ${token}` };
  const cases = [
    { name: `docx, honest headers, ${mib} MiB`, bytes: zipBomb({ expandedMiB: mib }), file: 'bomb.docx' },
    {
      name: `docx, headers claim 4 kB, ${mib} MiB`,
      bytes: zipBomb({ expandedMiB: mib, declaredBytes: 4096 }),
      file: 'bomb.docx',
    },
    {
      name: `xlsx, headers claim 4 kB, ${mib} MiB`,
      bytes: zipBomb({ expandedMiB: mib, declaredBytes: 4096, kind: 'xlsx' }),
      file: 'bomb.xlsx',
    },
  ];
  for (const c of cases) {
    const before = rssMiB();
    let peak = before;
    let slowest = 0;
    let answered = 0;
    let done = false;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB())), 20);
    const watch = (async () => {
      while (!done) {
        const started = Date.now();
        await (await fetch(`${api}/health`)).arrayBuffer();
        slowest = Math.max(slowest, Date.now() - started);
        answered++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const form = new FormData();
    form.append('file', new Blob([c.bytes]), c.file);
    form.append('schoolId', arg('school'));
    const started = Date.now();
    const res = await fetch(`${api}/plans/import`, { method: 'POST', headers, body: form });
    const body = (await res.json()) as { code?: string };
    const took = Date.now() - started;
    await new Promise((r) => setTimeout(r, 500));
    done = true;
    await watch;
    clearInterval(sampler);
    const after = rssMiB();
    process.stdout.write(
      `${c.name} (${Math.round(c.bytes.length / 1024)} kB): ${res.status} ${body.code} in ${took} ms; ` +
        `/health answered ${answered}×, slowest ${slowest} ms; API RSS ${before} → peak ${peak} → ${after} MiB ` +
        `(+${peak - before} MiB at peak)\n`,
    );
  }
}

void main();
