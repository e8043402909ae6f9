/**
 * Runs `count` jobs with at most `concurrency` in flight, calling `onDone` after each; the first failure stops
 * new jobs from starting and is rethrown once those in flight have settled.
 */
export async function runPool(
  count: number,
  concurrency: number,
  job: (index: number) => Promise<void>,
  onDone: () => void = () => undefined,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < count) {
      const index = next++;
      try {
        await job(index);
        onDone();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  if (failure) throw failure.error;
}

/** A stderr line each time another tenth of `total` is done. */
export function progress(label: string, total: number): () => void {
  let done = 0;
  let reported = 0;
  const start = Date.now();
  return () => {
    done++;
    const tenth = Math.floor((done * 10) / total);
    if (tenth > reported) {
      reported = tenth;
      const seconds = ((Date.now() - start) / 1000).toFixed(1);
      process.stderr.write(`[bench workflows] ${label}: ${done}/${total} (${tenth * 10} %), ${seconds} s\n`);
    }
  };
}
