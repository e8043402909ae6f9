import { condition, patched } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';

/** One command at a time on a procedure. */
export interface CommandLock {
  isLocked(): boolean;
  runExclusive<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Runs since this patch take async-mutex: promises only, no timers, so it is the same on every replay. Its
 * waiting and waking take a few more microtask turns than the lock it replaced, which moves the order of
 * commands within a workflow task; runs recorded before the patch keep the old lock so that they replay.
 */
export const MUTEX_PATCH = 'command-lock-async-mutex';

export function commandLock(): CommandLock {
  return patched(MUTEX_PATCH) ? new Mutex() : flagLock();
}

/** The lock of runs started before MUTEX_PATCH: a flag, and Temporal's condition to wait for it. */
function flagLock(): CommandLock {
  let busy = false;
  return {
    isLocked: () => busy,
    async runExclusive(work) {
      while (busy) await condition(() => !busy);
      busy = true;
      try {
        return await work();
      } finally {
        busy = false;
      }
    },
  };
}
