'use strict';
// The web application's end-to-end tests drive Debian's Chromium: a browser downloaded by a test tool does not run
// on these machines, a distribution package does. Installed once per machine, when missing.
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { log } = require('./lib');

const CHROMIUM = process.env.VSOKO_CHROMIUM || '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  log(`Chromium для сквозных тестов не найден (${CHROMIUM}): устанавливаю пакет chromium…`);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = (args) => {
    const r = spawnSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['-n', 'apt-get', ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return r.status === 0;
  };
  // An old package list may not know the current version: update once, then install.
  if (!apt(['install', '-y', '--no-install-recommends', 'chromium'])) {
    apt(['update']);
    if (!apt(['install', '-y', '--no-install-recommends', 'chromium'])) {
      throw new Error(
        'не удалось установить Chromium (apt-get install chromium); установите его вручную или укажите VSOKO_CHROMIUM',
      );
    }
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`после установки Chromium нет по пути ${CHROMIUM}`);
  return CHROMIUM;
}

module.exports = { ensureChromium, CHROMIUM };

if (require.main === module) {
  try {
    ensureChromium();
  } catch (e) {
    process.stderr.write(`[vsoko] ${e.message}\n`);
    process.exit(1);
  }
}
