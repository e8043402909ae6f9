'use strict';
// Debian's PostgreSQL for the dev stack's PostgreSQL options (VSOKO_READ_BACKEND=ferretdb-pg,
// VSOKO_TEMPORAL_BACKEND=postgres): found under /usr/lib/postgresql/<major>/bin, installed with apt-get when
// missing. Nothing here runs unless one of those options is chosen.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { run, log } = require('./lib');

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin directory (the one with `initdb` and `postgres`), or undefined. */
function findPostgresBin() {
  if (!fs.existsSync(DEBIAN_ROOT)) return undefined;
  const majors = fs
    .readdirSync(DEBIAN_ROOT)
    .filter((v) => fs.existsSync(path.join(DEBIAN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length > 0 ? path.join(DEBIAN_ROOT, majors[0], 'bin') : undefined;
}

/** True when the environment chooses a part of the dev stack that runs on PostgreSQL. */
function postgresWanted(env = process.env) {
  return env.VSOKO_READ_BACKEND === 'ferretdb-pg' || env.VSOKO_TEMPORAL_BACKEND === 'postgres';
}

function ensurePostgres() {
  const found = findPostgresBin();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      'нет PostgreSQL (/usr/lib/postgresql/*/bin/initdb): установите его (sudo apt-get install postgresql) ' +
        'или уберите VSOKO_READ_BACKEND=ferretdb-pg / VSOKO_TEMPORAL_BACKEND=postgres',
    );
  }
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' });
  if (apt.error || apt.status !== 0) {
    throw new Error('нет PostgreSQL и нет apt-get: установите PostgreSQL 15+ средствами системы');
  }
  log('установка PostgreSQL (пакет Debian postgresql), один раз…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql'], {
      stdio: 'inherit',
      env,
    }).status === 0;
  // A fresh machine has no package lists yet; refresh them only when the first attempt cannot find the package.
  if (!install()) {
    run('apt-get', ['update', '-q'], { env });
    if (!install()) throw new Error('apt-get install postgresql не удался');
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error(`apt-get установил postgresql, но ${DEBIAN_ROOT}/*/bin/initdb не найден`);
  return bin;
}

module.exports = { ensurePostgres, findPostgresBin, postgresWanted };

if (require.main === module) {
  try {
    log(`готово: ${ensurePostgres()}`);
  } catch (e) {
    process.stderr.write(`[vsoko] ${e.message}\n`);
    process.exit(1);
  }
}
