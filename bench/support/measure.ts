export interface Comparison {
  /** Best rate of the code under test, operations per second. */
  value: number;
  /** Best rate of the baseline, measured in the same run. */
  baseline: number;
}

/**
 * Runs the code under test and its baseline in alternation, `repeats` times each, and keeps each one's best
 * rate: alternating exposes both to the same background load, and the least disturbed run is the closest to
 * what the code can do.
 */
export async function compare(
  repeats: number,
  operations: number,
  subject: () => Promise<void> | void,
  baseline: () => Promise<void> | void,
): Promise<Comparison> {
  const best = { value: 0, baseline: 0 };
  for (let round = 0; round < repeats; round++) {
    const pair: [keyof Comparison, () => Promise<void> | void][] = [
      ['value', subject],
      ['baseline', baseline],
    ];
    if (round % 2 === 1) pair.reverse();
    for (const [key, run] of pair) {
      const start = process.hrtime.bigint();
      await run();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      best[key] = Math.max(best[key], operations / seconds);
    }
  }
  return best;
}

/** The line the bench runner and docs/PERFORMANCE.md rely on. */
export function benchLine(name: string, unit: string, { value, baseline }: Comparison): string {
  return `BENCH ${name} value=${Math.round(value)} unit=${unit} baseline=${Math.round(baseline)} ratio=${(value / baseline).toFixed(2)}`;
}
