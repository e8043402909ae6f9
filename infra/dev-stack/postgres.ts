import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensurePostgres } from '../scripts/postgres';
import { startProcess, untilReady, type ManagedProcess } from './managed-process';
import { freePort } from './ports';

export interface EmbeddedPostgres {
  host: string;
  port: number;
  user: string;
  /** `postgres://…` of one database on this server. */
  url(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(name: string): void;
  process: ManagedProcess;
}

const HOST = '127.0.0.1';
const USER = 'vsoko';
/** PostgreSQL refuses to run as root; Debian's package creates this account for it. */
const SYSTEM_ACCOUNT = 'postgres';

/**
 * Debian's PostgreSQL as an embedded server: a cluster of its own under `<dataDir>/postgres` (created by
 * `initdb` on first start), on a free loopback port, no Unix socket, password-less for the local `vsoko` role
 * (like the other embedded servers, it listens on 127.0.0.1 only).
 */
export async function startPostgres(dataDir: string, logDir: string): Promise<EmbeddedPostgres> {
  const bin = ensurePostgres();
  const dir = path.join(dataDir, 'postgres');
  const logFile = path.join(logDir, 'postgres.log');
  const user = process.getuid?.() === 0 ? SYSTEM_ACCOUNT : undefined;
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) initCluster(bin, dir, logFile, user);

  const port = await freePort();
  const proc = startProcess(
    'postgres',
    path.join(bin, 'postgres'),
    [
      '-D',
      dir,
      '-p',
      String(port),
      '-c',
      `listen_addresses=${HOST}`,
      '-c',
      'unix_socket_directories=',
      // Temporal opens a pool per service and store, FerretDB one of its own.
      '-c',
      'max_connections=300',
      // Like the Temporal dev server's synchronous=NORMAL: a power cut may lose the last commits, never corrupts
      // them. Read models are rebuilt from the event log, which keeps its own synchronous=FULL.
      '-c',
      'synchronous_commit=off',
    ],
    { logFile, user, stopSignal: 'SIGINT' },
  );
  const run = (tool: string, args: string[]) =>
    spawnSync(path.join(bin, tool), ['-h', HOST, '-p', String(port), '-U', USER, ...args], {
      encoding: 'utf8',
    });
  await untilReady(
    proc,
    'PostgreSQL',
    logFile,
    async () => run('pg_isready', ['-d', 'postgres', '-q']).status === 0,
    60_000,
  );
  return {
    host: HOST,
    port,
    user: USER,
    url: (database) => `postgres://${USER}@${HOST}:${port}/${database}`,
    ensureDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`имя базы PostgreSQL: ${name}`);
      const exists = run('psql', [
        '-d',
        'postgres',
        '-tAc',
        `SELECT 1 FROM pg_database WHERE datname = '${name}'`,
      ]);
      if (exists.status !== 0) throw new Error(`psql: ${exists.stderr.trim()}`);
      if (exists.stdout.trim() === '1') return;
      const created = run('createdb', [name]);
      if (created.status !== 0) throw new Error(`createdb ${name}: ${created.stderr.trim()}`);
    },
    process: proc,
  };
}

/**
 * The account must reach its cluster through every directory above it. o+x lets it pass without listing them;
 * it is added only to the data directory and to directories under the system's temporary directory (the
 * throw-away data of tests and benchmarks, created private by mkdtemp); anywhere else a closed directory is
 * named in the error instead of being opened.
 */
function letThrough(dataDir: string, user: string): void {
  const tmp = fs.realpathSync(os.tmpdir());
  for (let d = path.resolve(dataDir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if (mode & 0o001) continue;
    if (d === path.resolve(dataDir) || d.startsWith(tmp + path.sep)) fs.chmodSync(d, mode | 0o001);
    else
      throw new Error(
        `учётная запись ${user} (PostgreSQL) не пройдёт через ${d}: chmod o+x ${d} или другой VSOKO_DATA_DIR`,
      );
  }
}

function initCluster(bin: string, dir: string, logFile: string, user?: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const asUser: string[] = [];
  if (user) {
    const id = spawnSync('id', ['-u', user], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error(`нет учётной записи ${user} (её создаёт пакет postgresql)`);
    fs.chownSync(dir, Number(id.stdout), Number(gid.stdout));
    letThrough(path.dirname(dir), user);
    asUser.push('setpriv', '--reuid', user, '--regid', user, '--init-groups', '--');
  }
  const [cmd, ...args] = [
    ...asUser,
    path.join(bin, 'initdb'),
    '-D',
    dir,
    '-U',
    USER,
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ];
  const out = fs.openSync(logFile, 'a');
  const r = spawnSync(cmd, args, { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (r.status !== 0) {
    throw new Error(
      `initdb не удался (код ${r.status}), журнал: ${logFile}` +
        (user ? `; у учётной записи ${user} должен быть доступ к ${dir}` : ''),
    );
  }
}
