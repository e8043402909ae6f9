import type { Context as ActivityContext } from '@temporalio/activity';
import type { ActivityExecuteInput } from '@temporalio/worker';
import type { EventStore } from '@vsoko/event-store';
import { timedWait } from '@vsoko/observability';
import pino from 'pino';
import { activityTiming } from './activity-timing';

interface Line {
  level: number;
  msg: string;
  activity: string;
  attempt: number;
  queuedMs: number;
  runMs: number;
  outcome?: string;
  error?: string;
  waits?: Record<string, { count: number; ms: number; maxMs: number }>;
  waitingFor?: { what: string; forMs: number }[];
  previousAttempt?: { seenHere: boolean; state?: string; meaning: string; waitingFor?: { what: string }[] };
}

const WARN = 40;
const DEBUG = 20;

function setup(slowMs = 5_000) {
  const lines: Line[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => lines.push(JSON.parse(s) as Line) });
  const timing = activityTiming(log, { slowMs });
  /** Runs `work` as attempt `attempt` of activity 1 of workflow `wf`, scheduled `queuedMs` ago. */
  const run = <T>(
    attempt: number,
    work: () => Promise<T>,
    { queuedMs = 3, timeoutMs = 60_000, activity = 'wakeProcedures', workflowId = 'wf' } = {},
  ): Promise<unknown> => {
    const ctx = {
      info: {
        activityType: activity,
        activityId: '1',
        attempt,
        workflowType: 'procedureWakesWorkflow',
        workflowExecution: { workflowId, runId: 'run' },
        currentAttemptScheduledTimestampMs: Date.now() - queuedMs,
        startToCloseTimeoutMs: timeoutMs,
      },
    } as unknown as ActivityContext;
    const { inbound } = timing.interceptors(ctx);
    return inbound!.execute!({ args: [], headers: {} } as ActivityExecuteInput, () => work());
  };
  return { lines, run, timing };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('activity timing (a line per activity attempt)', () => {
  it('a quick attempt is a debug line with what it waited for: the event log by call, the server by RPC', async () => {
    const { lines, run, timing } = setup();
    const store = timing.store({ readStream: async () => [] } as unknown as EventStore);
    await run(1, async () => {
      await store.readStream('procedure-1');
      await store.readStream('procedure-2');
      await timedWait('temporal.start', () => sleep(5));
      return 1;
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: DEBUG,
      activity: 'wakeProcedures',
      attempt: 1,
      outcome: 'completed',
    });
    expect(lines[0].waits!['log.readStream'].count).toBe(2);
    expect(lines[0].waits!['temporal.start'].count).toBe(1);
    expect(lines[0].waits!['temporal.start'].ms).toBeGreaterThanOrEqual(4);
  });

  it('a retry whose attempt before never reached this worker says the task was lost on its way', async () => {
    const { lines, run } = setup();
    await run(2, async () => 0);
    expect(lines[0].level).toBe(WARN);
    expect(lines[0].previousAttempt).toMatchObject({ seenHere: false });
    expect(lines[0].previousAttempt!.meaning).toMatch(/never reached this worker/);
  });

  it('a retry while the attempt before is still stalled here names what that one waits on', async () => {
    const { lines, run } = setup();
    let release!: () => void;
    const stalled = run(1, () => timedWait('temporal.start', () => new Promise<void>((r) => (release = r))));
    await sleep(20);
    await run(2, async () => 0);
    const retry = lines.find((l) => l.attempt === 2)!;
    expect(retry.level).toBe(WARN);
    expect(retry.previousAttempt).toMatchObject({ seenHere: true, state: 'running' });
    expect(retry.previousAttempt!.waitingFor![0].what).toBe('temporal.start');
    release();
    await stalled;
  });

  it('a retry after the attempt before completed here says its completion was lost', async () => {
    const { lines, run } = setup();
    await run(1, async () => 0);
    await run(2, async () => 0);
    expect(lines[1].previousAttempt).toMatchObject({ seenHere: true, state: 'completed' });
    expect(lines[1].previousAttempt!.meaning).toMatch(/completion did not reach the server/);
  });

  it('an attempt still running at half its timeout is logged then, with the wait still open', async () => {
    const { lines, run } = setup();
    await run(1, () => timedWait('log.appendStreams', () => sleep(80)), { timeoutMs: 60 });
    const watch = lines.find((l) => /half its start-to-close timeout/.test(l.msg))!;
    expect(watch.level).toBe(WARN);
    expect(watch.waitingFor![0].what).toBe('log.appendStreams');
    expect(watch.waitingFor![0].forMs).toBeGreaterThanOrEqual(25);
  });

  it('an attempt that waited long in the queue or ran long is a warn line; a failure keeps its message', async () => {
    const { lines, run } = setup(50);
    await run(1, async () => 0, { queuedMs: 200 });
    await expect(
      run(
        1,
        async () => {
          await sleep(60);
          throw new Error('SQLITE_BUSY: database is locked');
        },
        { workflowId: 'other' },
      ),
    ).rejects.toThrow('SQLITE_BUSY');
    expect(lines[0]).toMatchObject({ level: WARN, outcome: 'completed' });
    expect(lines[0].queuedMs).toBeGreaterThanOrEqual(200);
    expect(lines[1]).toMatchObject({
      level: WARN,
      outcome: 'failed',
      error: 'SQLITE_BUSY: database is locked',
    });
  });
});
