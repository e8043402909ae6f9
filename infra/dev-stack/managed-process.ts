import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { waitUntil } from './ports';

/**
 * `setpriv --pdeathsig` (util-linux) makes the kernel send SIGTERM to a server when the process that started
 * it dies, even by SIGKILL, so no orphaned Temporal or FerretDB keeps ports and files after a crash.
 */
const pdeathsig = spawnSync('setpriv', ['--pdeathsig', 'TERM', '--', 'true']).status === 0;

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    logFile?: string;
    cwd?: string;
    inheritOutput?: boolean;
    /** Run as this account (setpriv), e.g. PostgreSQL, which refuses to run as root. */
    user?: string;
    /** What stop() and the parent's death send: PostgreSQL's fast shutdown is SIGINT (SIGTERM waits for clients). */
    stopSignal?: NodeJS.Signals;
  },
): ManagedProcess {
  const signal = options.stopSignal ?? 'SIGTERM';
  if (options.user && !pdeathsig)
    throw new Error(`${name}: нужен setpriv (util-linux), чтобы запустить от ${options.user}`);
  const out = options.logFile ? fs.openSync(options.logFile, 'a') : 'ignore';
  const asUser = options.user ? ['--reuid', options.user, '--regid', options.user, '--init-groups'] : [];
  const [cmd, argv] = pdeathsig
    ? ['setpriv', [...asUser, '--pdeathsig', signal.replace(/^SIG/, ''), '--', command, ...args]]
    : [command, args];
  const child = spawn(cmd, argv, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', options.inheritOutput ? 'inherit' : out, options.inheritOutput ? 'inherit' : out],
  });
  if (typeof out === 'number') fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.once('error', () => resolve(-1));
  });
  let stopping: Promise<void> | undefined;
  return {
    name,
    child,
    exited,
    stop(timeoutMs = 10_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/**
 * Waits until `check` passes; fails at once if the process exits first, and stops the process if it never
 * becomes ready, so a failed start leaves nothing running.
 */
export async function untilReady(
  proc: ManagedProcess,
  what: string,
  logFile: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const exited = proc.exited.then((code) => {
    throw new Error(`${what} завершился при запуске (код ${code}), журнал: ${logFile}`);
  });
  try {
    await Promise.race([exited, waitUntil(what, check, timeoutMs)]);
  } catch (e) {
    await proc.stop();
    throw e;
  } finally {
    exited.catch(() => undefined);
  }
}
