import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks on every architecture we run on. */
const TICKS_PER_SECOND = 100;

/** CPU seconds used so far (user + system) by another process, from /proc; 0 where /proc is absent. */
function processCpuSeconds(pid: number): number {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CpuSample {
  /** CPU seconds of the Temporal dev server. */
  server: number;
  /** CPU seconds of this process: the client, both workers (with their Rust core threads) and the event store. */
  self: number;
}

export function cpuSample(serverPid: number): CpuSample {
  const { user, system } = process.cpuUsage();
  return { server: processCpuSeconds(serverPid), self: (user + system) / 1e6 };
}

export function cpuSince(before: CpuSample, after: CpuSample): CpuSample {
  return { server: after.server - before.server, self: after.self - before.self };
}
