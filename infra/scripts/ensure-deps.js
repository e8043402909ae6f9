'use strict';
// Makes a bare clone runnable: node_modules matching package-lock.json, and the embedded servers' binaries.
// Both are cached per machine (~/.cache/vsoko), so repeated runs and fresh clones reuse them, and a machine
// that has neither builds them from scratch.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root, cacheDir, hashFiles, run, log } = require('./lib');

function ensureNodeModules() {
  const key = hashFiles(['package-lock.json'], process.version);
  const stamp = path.join(root, 'node_modules', '.vsoko-lock-hash');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key) return;

  const cached = path.join(cacheDir('node_modules'), key);
  const nm = path.join(root, 'node_modules');
  if (fs.existsSync(path.join(cached, '.vsoko-lock-hash'))) {
    log('node_modules: из кэша машины');
    fs.rmSync(nm, { recursive: true, force: true });
    // Hard links make the copy instant; npm replaces files rather than editing them, so the cache stays intact.
    const r = spawnSync('cp', ['-al', cached, nm]);
    if (r.status === 0) return;
    fs.rmSync(nm, { recursive: true, force: true });
  }
  log('node_modules: установка по package-lock.json (первый раз на этой машине — несколько минут)…');
  // `npm install` rather than `npm ci`: npm 11 leaves the other platforms' optional @swc/core binaries out of
  // the lock file here, and `npm ci` then refuses a lock it calls out of sync. The locked versions still win.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  // The stamp may be a hard link shared with the cache and other clones: replace it, never write through it.
  fs.rmSync(stamp, { force: true });
  fs.writeFileSync(stamp, key);
  fs.rmSync(cached, { recursive: true, force: true });
  const r = spawnSync('cp', ['-al', nm, cached]);
  if (r.status !== 0) {
    spawnSync('cp', ['-a', nm, cached]);
  }
}

function main() {
  ensureNodeModules();
  const forTests = process.argv.includes('--with-test-server');
  // The tests need Temporal's time-skipping server even when the other servers are external, and PostgreSQL for
  // the dev stack's PostgreSQL options that they exercise.
  if (forTests) require('./test-server').ensureTestServer();
  const postgres = require('./postgres');
  if (forTests || postgres.postgresWanted()) postgres.ensurePostgres();
  if (process.env.TEMPORAL_ADDRESS && process.env.MONGODB_URL) return;
  const binaries = require('./build-binaries');
  binaries.ensureBinaries();
  if (process.env.VSOKO_TEMPORAL_BACKEND === 'postgres' && !process.env.TEMPORAL_ADDRESS) {
    binaries.ensureTemporalServer();
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`[vsoko] подготовка не удалась: ${e.message}\n`);
  process.exit(1);
}
