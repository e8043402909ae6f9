'use strict';
// Shared helpers of the bootstrap scripts. Plain JavaScript: they run before node_modules exists.
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

/** Built things are kept outside the clone too, so a fresh clone on the same machine reuses them. */
function cacheDir(...parts) {
  const base =
    process.env.VSOKO_CACHE_DIR ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'vsoko');
  const dir = path.join(base, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function hashFiles(files, extra = '') {
  const h = createHash('sha256').update(extra);
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(root, f)));
  return h.digest('hex').slice(0, 16);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} завершилась с кодом ${r.status}`);
}

function log(message) {
  process.stdout.write(`[vsoko] ${message}\n`);
}

module.exports = { root, cacheDir, hashFiles, run, log };
