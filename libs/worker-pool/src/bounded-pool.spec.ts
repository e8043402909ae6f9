import * as path from 'node:path';
import { boundedPool, workerFile, type BoundedPool, type PoolBounds } from './bounded-pool';
import { outcomeOf, type WorkerOutcome } from './outcome';
import { ValidationFailed } from '@vsoko/domain';

type Task =
  | { kind: 'echo'; text: string }
  | { kind: 'refuse' }
  | { kind: 'sleep'; ms: number; started?: SharedArrayBuffer }
  | { kind: 'thread' }
  | { kind: 'hog' };

const REFUSALS = {
  tooComplex: { code: 'FIXTURE_TOO_COMPLEX', message: 'Слишком сложно' },
  busy: { code: 'FIXTURE_BUSY', message: 'Занято' },
};

/** Time limits the test ends itself, one per task in the order the pool asked for them. */
function limitsByHand() {
  const asked: Array<{ ms: number; timeIsUp: () => void }> = [];
  const timeLimit = (ms: number) => {
    const controller = new AbortController();
    asked.push({ ms, timeIsUp: () => controller.abort() });
    return controller.signal;
  };
  return { asked, timeLimit };
}

/**
 * A pool of one fixture thread. Its tasks' time is up only when the test says so (nobody does unless the test is
 * about time), so a slow thread start on a loaded machine refuses nothing; `null` keeps the pool's wall clock.
 */
const poolOf = (
  bounds: Partial<PoolBounds> = {},
  timeLimit: ((ms: number) => AbortSignal) | null = limitsByHand().timeLimit,
): BoundedPool<Task, string> =>
  boundedPool<Task, string>({
    filename: path.join(__dirname, 'testing', 'fixture-task.js'),
    bounds: { threads: 1, warmThreads: 0, queue: 4, heapMb: 64, timeoutMs: 10_000, ...bounds },
    refusals: REFUSALS,
    ...(timeLimit ? { timeLimit } : {}),
  });

/** Resolves once the thread has set the shared flag. */
async function untilSet(flag: Int32Array): Promise<void> {
  while (Atomics.load(flag, 0) === 0) await new Promise((r) => setTimeout(r, 10));
}

const decode = <T>(raw: string) => JSON.parse(raw) as WorkerOutcome<T>;

describe('one bounded worker pool for every kind of off-loop work', () => {
  it('answers the value the thread sent', async () => {
    const pool = poolOf();
    try {
      await expect(pool.run({ kind: 'echo', text: 'привет' }, decode)).resolves.toEqual({ echoed: 'привет' });
    } finally {
      await pool.close();
    }
  });

  it("throws the task's refusal again as the same kind of error with its code and details", async () => {
    const pool = poolOf();
    try {
      await expect(pool.run({ kind: 'refuse' }, decode)).rejects.toMatchObject({
        kind: 'validation',
        code: 'FIXTURE_REFUSED',
        message: 'Файл не подходит',
        details: { row: 3 },
      });
    } finally {
      await pool.close();
    }
  });

  it("a task over its time is stopped and answers the caller's «too complex» (413)", async () => {
    // Nothing on any machine makes a minute's sleep end within 200 ms: the wall clock's limit is what ends it.
    const pool = poolOf({ timeoutMs: 200 }, null);
    try {
      await expect(pool.run({ kind: 'sleep', ms: 60_000 }, decode)).rejects.toMatchObject({
        kind: 'too-large',
        code: 'FIXTURE_TOO_COMPLEX',
      });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('the thread of a task stopped while running is ended, and the pool goes on in a new one', async () => {
    // The limits are ended by hand: a new thread's start-up on a loaded machine cannot eat the next task's time.
    const limits = limitsByHand();
    const pool = poolOf({ timeoutMs: 200 }, limits.timeLimit);
    try {
      const before = await pool.run<{ threadId: number }>({ kind: 'thread' }, decode);
      const started = new Int32Array(new SharedArrayBuffer(4));
      const stopped = pool.run({ kind: 'sleep', ms: 60_000, started: started.buffer }, decode);
      await untilSet(started);
      limits.asked[1].timeIsUp();
      await expect(stopped).rejects.toMatchObject({ kind: 'too-large', code: 'FIXTURE_TOO_COMPLEX' });
      const after = await pool.run<{ threadId: number }>({ kind: 'thread' }, decode);
      expect(after.threadId).not.toBe(before.threadId);
      expect(limits.asked.map((l) => l.ms)).toEqual([200, 200, 200]);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('a task that exhausts its heap answers «too complex», the calling process goes on', async () => {
    const pool = poolOf({ heapMb: 32 });
    try {
      await expect(pool.run({ kind: 'hog' }, decode)).rejects.toMatchObject({
        kind: 'too-large',
        code: 'FIXTURE_TOO_COMPLEX',
      });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('more tasks than the thread and its queue hold are refused as busy (503), the others done', async () => {
    const pool = poolOf({ threads: 1, queue: 1 });
    try {
      // One task runs in the thread, one waits, the rest are refused at once.
      const results = await Promise.allSettled(
        [0, 1, 2, 3].map(() => pool.run({ kind: 'sleep', ms: 300 }, decode)),
      );
      const busy = results.filter(
        (r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'FIXTURE_BUSY',
      );
      expect(busy).toHaveLength(2);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('in the thread, a refusal becomes data and a bug stays a thrown error', async () => {
    await expect(outcomeOf(() => 42)).resolves.toEqual({ ok: true, value: 42 });
    await expect(
      outcomeOf(() => {
        throw new ValidationFailed('BAD', 'Плохо', { at: 1 });
      }),
    ).resolves.toEqual({
      ok: false,
      error: { kind: 'validation', code: 'BAD', message: 'Плохо', details: { at: 1 } },
    });
    await expect(
      outcomeOf(() => {
        throw new TypeError('bug');
      }),
    ).rejects.toThrow('bug');
  });

  it('loads entry.js from the sources and the compiled task in a build', () => {
    expect(workerFile('/x/worker/render-pool.ts', 'render-task')).toBe('/x/worker/entry.js');
    expect(workerFile('/x/worker/render-pool.js', 'render-task')).toBe('/x/worker/render-task.js');
  });
});
