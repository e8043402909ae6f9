import type { CpuSample } from './cpu';

export interface KindTotals {
  /** Procedures (or trivial workflows) driven in the measured phases. */
  count: number;
  /** Events the log gained during the kind's phases (its head position after minus before). */
  events: number;
  seconds: number;
  cpu: CpuSample;
}

/**
 * One kind's figures beside what its CPU cost says: `ceiling` is the rate at which the machine's cores would be
 * saturated by the server and this process alone, the rate an idle machine could at best reach.
 */
export function kindLine(kind: string, t: KindTotals, updatesPerProcedure: number, cores: number): string {
  const updates = t.count * updatesPerProcedure;
  const ms = (seconds: number) => ((seconds / updates) * 1000).toFixed(1);
  const busy = (seconds: number) => (seconds / t.seconds).toFixed(2);
  const ceiling = (cores * t.count) / (t.cpu.server + t.cpu.self);
  return (
    `info ${kind}: ${(t.count / t.seconds).toFixed(2)} procedures/s, ${(updates / t.seconds).toFixed(1)} updates/s; ` +
    `CPU per update: Temporal server ${ms(t.cpu.server)} ms, this process ${ms(t.cpu.self)} ms; ` +
    `cores busy: server ${busy(t.cpu.server)}, this process ${busy(t.cpu.self)}; ` +
    `CPU ceiling on ${cores} cores ${ceiling.toFixed(1)} procedures/s`
  );
}

/**
 * The runner's `BENCH` line, as bench/support/measure.ts writes it, but with the precision these rates need: a few
 * procedures per second rounded to a whole number would move the figure by a tenth.
 */
export function benchLine(name: string, unit: string, value: number, baseline: number): string {
  const rate = (n: number) => (n >= 100 ? String(Math.round(n)) : n.toFixed(2));
  return `BENCH ${name} value=${rate(value)} unit=${unit} baseline=${rate(baseline)} ratio=${(value / baseline).toFixed(2)}`;
}
