import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { projectRoot } from './paths';

export type ServiceName = 'api' | 'worker' | 'projector';

export interface SupervisedService {
  name: ServiceName;
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 1_000;

/**
 * Runs one service from its sources (compiled by swc as loaded) as a child process, prefixes its output, and restarts it
 * if it dies, so a crash of one service never leaves the stack half up.
 */
export function superviseService(name: ServiceName, env: NodeJS.ProcessEnv): SupervisedService {
  const root = projectRoot();
  const entry = path.join(root, 'services', name, 'src', 'main.ts');
  const runner = path.join(root, 'infra', 'scripts', 'run-ts.js');
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;

  const launch = () => {
    const started = Date.now();
    child = spawn(process.execPath, [runner, entry], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream)
        readline
          .createInterface({ input: stream })
          .on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
    }
    child.once('exit', (code, signal) => {
      if (stopping) return;
      restarts = Date.now() - started > 60_000 ? 0 : restarts + 1;
      const delay = Math.min(RESTART_DELAY_MS * 2 ** restarts, 30_000);
      process.stdout.write(`[${name}] завершился (${signal ?? code}); перезапуск через ${delay / 1000} с\n`);
      setTimeout(() => stopping || launch(), delay).unref();
    });
  };
  launch();

  return {
    name,
    async stop() {
      stopping = true;
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
