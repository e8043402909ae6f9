import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks on every architecture we run on. */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | undefined {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far (user + system) by another process and everything it started: its own time, its
 * reaped children's, and its live children's in turn (PostgreSQL serves each connection from a child process).
 * 0 where /proc is absent.
 */
function processTreeCpuSeconds(pid: number, children: Map<number, number[]>): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
  const own = (utime + stime + cutime + cstime) / TICKS_PER_SECOND;
  return (children.get(pid) ?? []).reduce((sum, child) => sum + processTreeCpuSeconds(child, children), own);
}

function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return map;
  }
  for (const entry of entries) {
    const ppid = Number(statFields(Number(entry))?.[1]);
    if (!ppid) continue;
    map.set(ppid, [...(map.get(ppid) ?? []), Number(entry)]);
  }
  return map;
}

export interface CpuSample {
  /** CPU seconds of the Temporal server, and of its PostgreSQL when it has one. */
  server: number;
  /** CPU seconds of this process: the client, both workers (with their Rust core threads) and the event store. */
  self: number;
}

export function cpuSample(serverPids: readonly number[]): CpuSample {
  const { user, system } = process.cpuUsage();
  const children = childrenByParent();
  const server = serverPids.reduce((sum, pid) => sum + processTreeCpuSeconds(pid, children), 0);
  return { server, self: (user + system) / 1e6 };
}

export function cpuSince(before: CpuSample, after: CpuSample): CpuSample {
  return { server: after.server - before.server, self: after.self - before.self };
}
