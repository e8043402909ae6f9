'use strict';
const { setTimeout: sleep } = require('node:timers/promises');
const { threadId } = require('node:worker_threads');
// A worker task for bounded-pool.spec.ts, plain JavaScript so that the thread needs no TypeScript hook.
module.exports = async function fixture(task) {
  switch (task.kind) {
    case 'echo':
      return JSON.stringify({ ok: true, value: { echoed: task.text } });
    case 'refuse':
      return JSON.stringify({
        ok: false,
        error: {
          kind: 'validation',
          code: 'FIXTURE_REFUSED',
          message: 'Файл не подходит',
          details: { row: 3 },
        },
      });
    case 'thread':
      return JSON.stringify({ ok: true, value: { threadId } });
    case 'sleep':
      // Tells the test the task is running in its thread (the flag is shared memory, not a copy).
      if (task.started) {
        const flag = new Int32Array(task.started);
        Atomics.store(flag, 0, 1);
        Atomics.notify(flag, 0);
      }
      await sleep(task.ms);
      return JSON.stringify({ ok: true, value: { slept: task.ms } });
    case 'hog': {
      const kept = [];
      for (;;) kept.push(new Array(1_000_000).fill(kept.length));
    }
    default:
      throw new Error(`fixture: a bug in the task (${task.kind})`);
  }
};
