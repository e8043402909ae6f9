'use strict';
// `npm run bench -- <name> [args…]` runs bench/<name>.bench.ts; without a name, every bench in bench/ in turn.
// A bench module exports `run(args: string[]): Promise<void>` and ends its output with lines
// `BENCH <name>.<figure> value=<n> unit=<unit> baseline=<n> ratio=<value/baseline>`.
const fs = require('node:fs');
const path = require('node:path');
const { registerTypeScript } = require('./run-ts');

const benchDir = path.resolve(__dirname, '..', '..', 'bench');

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const available = fs
    .readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort();
  if (name && !available.includes(name)) {
    process.stderr.write(`Нет бенчмарка «${name}». Есть: ${available.join(', ') || 'ни одного'}.\n`);
    process.exitCode = 2;
    return;
  }
  registerTypeScript();
  for (const bench of name ? [name] : available) {
    const mod = require(path.join(benchDir, `${bench}.bench.ts`));
    if (typeof mod.run !== 'function') throw new Error(`bench/${bench}.bench.ts не экспортирует run()`);
    await mod.run(args);
  }
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 1;
});
