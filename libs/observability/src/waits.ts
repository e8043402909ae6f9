import { AsyncLocalStorage } from 'node:async_hooks';

/** How often something was waited for, for how long in all, and the longest single wait (ms). */
export interface WaitTotals {
  count: number;
  ms: number;
  maxMs: number;
}

/** A wait that has not ended yet: what is awaited and for how long so far (ms). */
export interface OpenWait {
  what: string;
  forMs: number;
}

/**
 * The waits of one unit of work (an activity attempt): the event log's calls, the Temporal server's, each
 * summed by name, and the ones still open, so that a unit that stalls can say what it is waiting on.
 */
export class WaitRecorder {
  private readonly totals = new Map<string, WaitTotals>();
  private readonly open = new Map<number, { what: string; since: number }>();
  private nextId = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async time<T>(what: string, work: () => Promise<T>): Promise<T> {
    const id = this.nextId++;
    const since = this.now();
    this.open.set(id, { what, since });
    try {
      // A synchronous store (better-sqlite3) does its work inside work(): its time is counted too.
      return await work();
    } finally {
      this.open.delete(id);
      const ms = this.now() - since;
      const totals = this.totals.get(what) ?? { count: 0, ms: 0, maxMs: 0 };
      totals.count++;
      totals.ms += ms;
      totals.maxMs = Math.max(totals.maxMs, ms);
      this.totals.set(what, totals);
    }
  }

  /** The waits not ended yet, longest first. */
  openWaits(): OpenWait[] {
    const now = this.now();
    return [...this.open.values()]
      .map(({ what, since }) => ({ what, forMs: now - since }))
      .sort((a, b) => b.forMs - a.forMs);
  }

  /** Every name waited for, its totals (ms rounded). */
  summary(): Record<string, WaitTotals> {
    return Object.fromEntries(
      [...this.totals].map(([what, t]) => [
        what,
        { count: t.count, ms: Math.round(t.ms), maxMs: Math.round(t.maxMs) },
      ]),
    );
  }
}

const current = new AsyncLocalStorage<WaitRecorder>();

/** Runs `work` with `recorder` receiving every timedWait made inside it, however deep. */
export function recordingWaits<T>(recorder: WaitRecorder, work: () => T): T {
  return current.run(recorder, work);
}

/** Counts `work` as a wait for `what` in the unit of work running now, if one is recorded; else just runs it. */
export function timedWait<T>(what: string, work: () => Promise<T>): Promise<T> {
  const recorder = current.getStore();
  return recorder ? recorder.time(what, work) : work();
}
