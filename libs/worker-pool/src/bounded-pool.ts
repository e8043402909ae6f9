import { PayloadTooLarge, Unavailable } from '@vsoko/domain';
import * as path from 'node:path';
import { Piscina } from 'piscina';
import { valueOf, type WorkerOutcome } from './outcome';

/** How much one kind of work may take of the machine. */
export interface PoolBounds {
  /** Threads working at once; more tasks wait in the queue. */
  threads: number;
  /** Threads kept warm while idle (0: started on the first task, ended after five idle minutes). */
  warmThreads: number;
  /** Tasks that may wait for a thread; more are refused as «busy» rather than piling up in memory. */
  queue: number;
  /** Heap of one thread: a task that needs more fails alone, the process goes on. */
  heapMb: number;
  /** A task that takes longer is stopped (its thread is ended). */
  timeoutMs: number;
}

/** The refusals a caller sees when a task is too heavy (heap or time) or the queue is full. */
export interface PoolRefusals {
  tooComplex: { code: string; message: string };
  busy: { code: string; message: string };
}

export interface BoundedPoolSpec {
  /** The worker module: see `workerFile`. */
  filename: string;
  bounds: PoolBounds;
  refusals: PoolRefusals;
  /**
   * The signal that ends a task when its time (`bounds.timeoutMs`) is up: `AbortSignal.timeout` unless given.
   * Tests give signals they abort themselves, so what follows a stopped task does not race a wall clock.
   */
  timeLimit?: (ms: number) => AbortSignal;
}

export interface BoundedPool<Task, Raw> {
  /** Runs the task in a thread and answers its value (decoded from what the thread sent), or throws its refusal. */
  run<T>(task: Task, decode: (raw: Raw) => WorkerOutcome<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The worker module next to the pool's source: running from the sources (npm start, tests) the thread loads
 * `entry.js`, which registers the TypeScript hook the new thread lacks and then the task; a compiled build loads
 * `<task>.js` itself.
 */
export function workerFile(poolFilename: string, task: string): string {
  const fromSources = poolFilename.endsWith('.ts');
  return path.join(path.dirname(poolFilename), fromSources ? 'entry.js' : `${task}.js`);
}

/**
 * Work that must never run on a server's event loop (reading an uploaded file, filling a Word template) runs in
 * a piscina pool bounded in threads, queue, heap and time. A task that exhausts its heap or its time answers
 * 413 with the caller's code, a full queue answers 503; a refusal the task met comes back as itself.
 */
export function boundedPool<Task, Raw>(spec: BoundedPoolSpec): BoundedPool<Task, Raw> {
  const { bounds, refusals } = spec;
  const timeLimit = spec.timeLimit ?? ((ms: number) => AbortSignal.timeout(ms));
  const pool = new Piscina<Task, Raw>({
    filename: spec.filename,
    minThreads: bounds.warmThreads,
    maxThreads: bounds.threads,
    maxQueue: bounds.queue,
    idleTimeout: 5 * 60_000,
    resourceLimits: { maxOldGenerationSizeMb: bounds.heapMb, maxYoungGenerationSizeMb: 16 },
  });
  const refusalOf = (e: unknown): unknown => {
    const { code, name, message } = (e ?? {}) as { code?: string; name?: string; message?: string };
    if (code === 'ERR_WORKER_OUT_OF_MEMORY' || name === 'AbortError' || name === 'TimeoutError') {
      return new PayloadTooLarge(refusals.tooComplex.code, refusals.tooComplex.message);
    }
    if (/queue is at limit/i.test(message ?? '')) {
      return new Unavailable(refusals.busy.code, refusals.busy.message);
    }
    return e;
  };
  // Counted here, not left to piscina's maxQueue: piscina keeps a task that carries an abort signal (every one
  // of ours, for the time limit) in a queue of its own that maxQueue does not bound.
  let inFlight = 0;
  return {
    async run<T>(task: Task, decode: (raw: Raw) => WorkerOutcome<T>): Promise<T> {
      if (inFlight >= bounds.threads + bounds.queue) {
        throw new Unavailable(refusals.busy.code, refusals.busy.message);
      }
      inFlight += 1;
      let outcome: WorkerOutcome<T>;
      try {
        outcome = decode(await pool.run(task, { signal: timeLimit(bounds.timeoutMs) }));
      } catch (e) {
        throw refusalOf(e);
      } finally {
        inFlight -= 1;
      }
      return valueOf(outcome);
    },
    close: () => pool.destroy(),
  };
}
