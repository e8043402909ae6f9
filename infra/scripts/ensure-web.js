'use strict';
// Builds the web application (web/dist, served by the API at `/`) when it is missing or older than its sources.
// The stamp is a hash of every file the bundle is made from, so a `git pull` that changes a screen rebuilds it.
const fs = require('node:fs');
const path = require('node:path');
const { root, run, log } = require('./lib');

const WEB = path.join(root, 'web');
const DIST = path.join(WEB, 'dist');
const STAMP = path.join(DIST, '.vsoko-sources-hash');
/** The web's sources and the pure domain and read-model modules it imports its names and shapes from. */
const SOURCES = [
  'web/src',
  'web/index.html',
  'web/vite.config.mts',
  'libs/domain/src',
  'libs/projections/src',
];

function filesUnder(relative) {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((e) => !/\.(test|spec|int-spec)\.tsx?$/.test(e.name))
    .flatMap((e) => filesUnder(path.join(relative, e.name)));
}

function sourcesHash() {
  const { createHash } = require('node:crypto');
  const h = createHash('sha256');
  for (const file of [...SOURCES.flatMap(filesUnder), 'package-lock.json'].sort()) {
    h.update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** Answers where the built application is; builds it first when needed. */
function ensureWeb() {
  const hash = sourcesHash();
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return DIST;
  log('веб-приложение: сборка (vite build)…');
  const t0 = Date.now();
  run(process.execPath, [
    path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'web/vite.config.mts',
    '--logLevel',
    'warn',
  ]);
  fs.writeFileSync(STAMP, hash);
  log(`веб-приложение собрано за ${((Date.now() - t0) / 1000).toFixed(1)} с`);
  return DIST;
}

module.exports = { ensureWeb };

if (require.main === module) {
  try {
    ensureWeb();
  } catch (e) {
    process.stderr.write(`[vsoko] сборка веб-приложения не удалась: ${e.message}\n`);
    process.exit(1);
  }
}
