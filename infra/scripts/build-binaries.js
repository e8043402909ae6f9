'use strict';
// Builds the Temporal CLI and our FerretDB launcher once per version and machine, then links them into
// .vsoko/bin. A fresh clone on a machine that built them before only links.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root, cacheDir, hashFiles, run, log } = require('./lib');
const versions = require('./versions');

function requireGo() {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      'Не найден Go (нужен для сборки встроенных серверов Temporal и FerretDB). Установите Go 1.24+ или задайте TEMPORAL_ADDRESS и MONGODB_URL.',
    );
  }
  return r.stdout.trim();
}

function link(binary, name) {
  const binDir = path.join(root, '.vsoko', 'bin');
  fs.mkdirSync(binDir, { recursive: true });
  const target = path.join(binDir, name);
  fs.rmSync(target, { force: true });
  fs.symlinkSync(binary, target);
  return target;
}

function ensure(name, key, build) {
  const dir = cacheDir('bin', `${name}-${key}`);
  const binary = path.join(dir, name);
  if (!fs.existsSync(binary)) {
    const goVersion = requireGo();
    log(`сборка ${name} (${goVersion}); это делается один раз, несколько минут…`);
    const t0 = Date.now();
    const tmp = path.join(dir, `${name}.partial`);
    build(tmp);
    fs.renameSync(tmp, binary);
    log(`${name} собран за ${Math.round((Date.now() - t0) / 1000)} с`);
  }
  return link(binary, name);
}

function ensureBinaries() {
  const temporal = ensure('temporal', hashFiles([], versions.temporal), (out) => {
    const gobin = path.dirname(out) + '/gobin';
    run('go', ['install', versions.temporal], {
      env: { ...process.env, GOBIN: gobin, GOFLAGS: '-buildvcs=false' },
    });
    fs.renameSync(path.join(gobin, 'temporal'), out);
    fs.rmSync(gobin, { recursive: true, force: true });
  });
  const src = versions.ferretdbModule;
  const ferretdb = ensure(
    'ferretdb',
    hashFiles([`${src}/go.mod`, `${src}/go.sum`, `${src}/main.go`]),
    (out) => {
      run('go', ['build', '-o', out, '.'], {
        cwd: path.join(root, src),
        env: { ...process.env, GOFLAGS: '-buildvcs=false' },
      });
    },
  );
  return { temporal, ferretdb };
}

/**
 * The Temporal server on PostgreSQL (infra/temporal-server: go.temporal.io/server at the CLI's version, with its
 * SQL schema tool), built only for VSOKO_TEMPORAL_BACKEND=postgres or a benchmark that compares it; its cold
 * build takes minutes, about as long as the CLI's.
 */
function ensureTemporalServer() {
  const src = versions.temporalServerModule;
  return ensure('temporal-server', hashFiles([`${src}/go.mod`, `${src}/go.sum`, `${src}/main.go`]), (out) => {
    run('go', ['build', '-o', out, '.'], {
      cwd: path.join(root, src),
      env: { ...process.env, GOFLAGS: '-buildvcs=false' },
    });
  });
}

module.exports = { ensureBinaries, ensureTemporalServer };

if (require.main === module) {
  try {
    const bins = ensureBinaries();
    const extra = process.argv.includes('--with-temporal-server') ? `, ${ensureTemporalServer()}` : '';
    log(`готово: ${bins.temporal}, ${bins.ferretdb}${extra}`);
  } catch (e) {
    process.stderr.write(`[vsoko] ${e.message}\n`);
    process.exit(1);
  }
}
