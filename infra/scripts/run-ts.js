'use strict';
// Runs a TypeScript entry point straight from the sources: `node infra/scripts/run-ts.js <file.ts> [args…]`.
// Each .ts file is compiled by swc as it is required (no type check: `npm run typecheck` does that) and the
// @vsoko/* aliases resolve through tsconfig.json's paths, so a fresh clone needs only `npm ci`.
const path = require('node:path');
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '..', '..');

function registerTypeScript() {
  if (require.extensions['.ts']) return;
  require.extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
      filename,
      sourceMaps: 'inline',
      module: { type: 'commonjs' },
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    });
    module._compile(code, filename);
  };
  const config = tsconfigPaths.loadConfig(root);
  if (config.resultType !== 'success') throw new Error(`tsconfig.json: ${config.message}`);
  tsconfigPaths.register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
}

module.exports = { registerTypeScript };

if (require.main === module) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write('использование: node infra/scripts/run-ts.js <файл.ts> [аргументы…]\n');
    process.exit(2);
  }
  registerTypeScript();
  const file = path.resolve(entry);
  process.argv = [process.argv[0], file, ...args];
  // Loaded as the main module, so the entry point's `require.main === module` holds as under plain node.
  Module._load(file, null, true);
}
