'use strict';
// Temporal's time-skipping test server (Java, from Maven Central) for the tests that must see days pass:
// reminders, overdue decisions and escalations. The SDK's own download of it is not reachable here.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root, cacheDir, hashFiles, run, log } = require('./lib');

function ensureTestServer() {
  const pom = 'infra/temporal-test-server/pom.xml';
  const dir = cacheDir('temporal-test-server', hashFiles([pom]));
  const lib = path.join(dir, 'lib');
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    for (const tool of ['java', 'mvn']) {
      const r = spawnSync(tool, ['-version'], { stdio: 'ignore' });
      if (r.error || r.status !== 0) {
        throw new Error(
          `нет ${tool}: он нужен тестовому серверу Temporal с ускорением времени (apt-get install default-jdk-headless maven)`,
        );
      }
    }
    log('загрузка тестового сервера Temporal (Maven Central), один раз…');
    fs.rmSync(lib, { recursive: true, force: true });
    run('mvn', [
      '-q',
      '-B',
      '-f',
      path.join(root, pom),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${lib}`,
    ]);
    fs.writeFileSync(done, new Date().toISOString());
  }
  const wrapper = path.join(root, '.vsoko', 'bin', 'temporal-test-server');
  fs.mkdirSync(path.dirname(wrapper), { recursive: true });
  // The SDK gives the server 5 s to accept connections; on a loaded 2-core machine a default JVM needs 5-7 s.
  // The client compiler alone and the serial collector start it in about two thirds of that.
  const jvm = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto';
  fs.writeFileSync(
    wrapper,
    `#!/bin/sh\nexec java ${jvm} -cp '${lib}/*' io.temporal.testserver.TestServer "$@"\n`,
    {
      mode: 0o755,
    },
  );
  return wrapper;
}

module.exports = { ensureTestServer };

if (require.main === module) {
  try {
    log(`готово: ${ensureTestServer()}`);
  } catch (e) {
    process.stderr.write(`[vsoko] ${e.message}\n`);
    process.exit(1);
  }
}
