import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import {
  academicYearBounds,
  addDays,
  localDateOf,
  type CommandContext,
  type PlannedProcedure,
} from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { loggerOptions } from '@vsoko/observability';
import { planApprovalWorkflowId, type PlanApprovalInput } from '@vsoko/workflows/plan-approval/definitions';
import type { ReconcileReport, ReconcileStep } from '@vsoko/workflows/plan-approval/steps';
import { ProcedureClient } from '@vsoko/workflows/procedure/client';
import { PROCEDURES_TASK_QUEUE } from '@vsoko/workflows/procedure/definitions';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bumpUpdate, TRIVIAL_TASK_QUEUE, type TrivialWorkflowInput } from './workflows/definitions';
import { Retries } from './workflows/drivers';
import { explainStalls, slowOrRetriedActivities, workerAttempts } from './workflows/activity-stalls';
import { cpuSample, cpuSince, type CpuSample } from './workflows/cpu';
import { academicYearOf } from './workflows/lifecycle';
import { runPool } from './workflows/pool';
import { ENGINES, startBenchStack, type Engine } from './workflows/stack';

/**
 * A district's plan adoption (issue 18): N schools' plans of P procedures each approved at once, every plan's
 * durable fan-out (workflows/plan-approval, 8 procedures at a time per plan) starting its procedure workflows
 * on a fresh Temporal server, with the procedure worker and the plan-approval activities in this process.
 *
 *   npm run bench -- plan-adoption [--schools 10] [--per-school 150] [--engine dev|postgres]
 *                                  [--probes 50] [--probe-after 20] [--probe-spread 30] [--baseline-n 1500]
 *                                  [--baseline-lanes 800] [--wake-n 600] [--dir /tmp] [--slow-ms 5000]
 *
 * Figures, each beside its baseline in the same run:
 * - `starts`: procedures scheduled per second over the whole adoption (first plan started → last plan finished);
 *   since patch lazy-starts each is on the log with its first timer held by its plan's wakes workflow, its own
 *   workflow not started yet; baseline: trivial workflows started the same way (update-with-start, one update,
 *   no activity) with as many in flight as the fan-outs have lanes, on the same server.
 * - `wakes`: procedure workflows started from the log per second through the plans' wakes workflows (`--wake-n`
 *   of them made due at once), as they will be when their first timers near; same baseline.
 * - `finish`: seconds from the first plan started to the last one finished; baseline: what the baseline's rate
 *   would take for as many starts.
 * - `timer-lateness`: how late a procedure's timer fires (its StageOverdue recorded, after its `watchFrom`), p50
 *   and p99 of `--probes` procedures whose timers fall due `--probe-after` s after they are scheduled, spread
 *   over `--probe-spread` s — after the adoption, with the district's workflows open (value), and on the fresh
 *   server before it (baseline).
 * Also printed: the worker's plan fan-out metrics (vsoko_plan_procedures_*), as /metrics of a worker shows them;
 * CPU seconds of the server (with PostgreSQL's processes) and of this process beside each phase's wall time, and
 * the load average (the machine is shared: the CPU figures say what the run would take with the cores to itself);
 * every activity the server recorded as retried or slower than `--slow-ms` from scheduled to closed, beside what
 * the worker's activity-timing lines (services/worker/src/activity-timing.ts, all kept in a JSON-lines file whose
 * path is printed) say of each of its attempts — how a stalled activity is told apart: lost on its way to the
 * worker, stalled inside it on a named wait, or finished with its completion lost.
 */
interface Options {
  schools: number;
  perSchool: number;
  engine: Engine;
  probes: number;
  probeAfter: number;
  probeSpread: number;
  baselineN: number;
  /** Procedures whose workflows are then started through the plans' wakes workflows (all due at once). */
  wakeN: number;
  /** Trivial starts in flight for the baseline: 8 per school, at most 800 (what 100 schools gave). */
  baselineLanes: number;
  /** Where the servers' and the event log's files go (tmpdir; /dev/shm takes the disk out). */
  dir?: string;
  /** An activity slower than this from scheduled to closed is listed with what the worker saw of it. */
  slowMs: number;
}

const LANES_PER_PLAN = 8; // workflows/plan-approval/workflow.ts PARALLEL
const TIME_ZONE = 'Asia/Yekaterinburg';
const DISTRICT = 'district-bench';

function parse(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const engine = (value('engine') ?? 'dev') as Engine;
  if (!ENGINES.includes(engine)) throw new Error(`--engine: одно из ${ENGINES.join(', ')}`);
  const schools = Number(value('schools') ?? 10);
  const perSchool = Number(value('per-school') ?? 150);
  return {
    schools,
    perSchool,
    engine,
    probes: Number(value('probes') ?? 50),
    probeAfter: Number(value('probe-after') ?? 20),
    probeSpread: Number(value('probe-spread') ?? 30),
    baselineN: Number(value('baseline-n') ?? Math.min(schools * perSchool, 1_500)),
    wakeN: Number(value('wake-n') ?? Math.min(schools * perSchool, 600)),
    baselineLanes: Number(value('baseline-lanes') ?? Math.min(schools * LANES_PER_PLAN, 800)),
    dir: value('dir'),
    slowMs: Number(value('slow-ms') ?? 5_000),
  };
}

const log = (m: string) => process.stdout.write(`info ${new Date().toISOString().slice(11, 19)} ${m}\n`);

export async function run(args: string[]): Promise<void> {
  const o = parse(args);
  const metricsPort = await freePort();
  // Every activity attempt of the procedure worker, one JSON line each, kept after the run for a look.
  const activityLogPath = join(tmpdir(), `vsoko-plan-adoption-${Date.now()}.activities.jsonl`);
  const activityLogFile = pino.destination({ dest: activityLogPath, sync: false, mkdir: true });
  const activityLog = pino(loggerOptions('bench-worker', 'debug'), activityLogFile);
  const stack = await startBenchStack(
    {
      engine: o.engine,
      durability: 'full',
      metricsAddress: `127.0.0.1:${metricsPort}`,
      activityLog,
      ...(o.dir ? { dir: o.dir } : {}),
    },
    log,
  );
  const t0 = Date.now();
  const cpu0 = cpuSample(stack.serverPids);
  const loads: number[] = [];
  const cpuOf = (since: CpuSample) => cpuSince(since, cpuSample(stack.serverPids));
  const cpuText = (c: CpuSample, wall: number) =>
    `CPU server ${c.server.toFixed(1)} s + bench process ${c.self.toFixed(1)} s in ${wall.toFixed(1)} s wall (${((c.server + c.self) / wall).toFixed(2)} cores)`;
  const loadNow = () => {
    const l = loadavg()[0];
    loads.push(l);
    return l.toFixed(1);
  };
  try {
    const today = localDateOf(Date.now(), TIME_ZONE);
    const total = o.schools * o.perSchool;
    const lanes = o.schools * LANES_PER_PLAN;
    log(
      `plan adoption: ${o.schools} schools × ${o.perSchool} procedures = ${total} on the ${o.engine} server, ${lanes} fan-out lanes; load average ${loadNow()}; activity timing lines in ${activityLogPath}`,
    );

    log(
      `timers on the fresh server: ${o.probes} probes due ${o.probeAfter}…${o.probeAfter + o.probeSpread} s after scheduling…`,
    );
    const before = await probeTimers(stack.client, stack.store, 'before', o, today);

    log(`baseline: ${o.baselineN} trivial workflows started, ${o.baselineLanes} in flight…`);
    let start = Date.now();
    let cpuStart = cpuSample(stack.serverPids);
    // An overloaded server may give up on an update-with-start it admitted: sent again, as a client would.
    const retries = new Retries();
    await runPool(o.baselineN, o.baselineLanes, (i) =>
      retries.patiently(() => startTrivial(stack.client, `trivial-${i}`)),
    );
    const baselineSeconds = (Date.now() - start) / 1000;
    const baselineCpu = cpuOf(cpuStart);
    const baselineRate = o.baselineN / baselineSeconds;
    log(
      `baseline: ${baselineRate.toFixed(1)} starts/s (${retries.count} starts sent again after a timeout); ${cpuText(baselineCpu, baselineSeconds)}; load average ${loadNow()}`,
    );

    log(`adoption: starting ${o.schools} plan approvals, 16 at a time…`);
    const headBefore = await stack.store.headPosition();
    start = Date.now();
    cpuStart = cpuSample(stack.serverPids);
    const handles: Array<{ result(): Promise<unknown> }> = new Array(o.schools);
    const ticker = setInterval(() => {
      void stack.store.headPosition().then((head) => {
        const done = head - headBefore;
        const seconds = (Date.now() - start) / 1000;
        const c = cpuOf(cpuStart);
        log(
          `adoption: ${done}/${total} procedures scheduled, ${(done / seconds).toFixed(1)}/s, ${seconds.toFixed(0)} s; ` +
            `${cpuText(c, seconds)}; load average ${loadNow()}; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
        );
      });
    }, 15_000);
    let reports: ReconcileReport[];
    let started: number;
    try {
      await runPool(o.schools, 16, async (i) => {
        const input = planOf(i + 1, o.perSchool, today);
        handles[i] = await stack.client.workflow.start('planApprovalWorkflow', {
          taskQueue: PROCEDURES_TASK_QUEUE,
          workflowId: planApprovalWorkflowId(input.planStream, 1),
          args: [input],
        });
      });
      started = Date.now();
      reports = (await Promise.race([
        Promise.all(handles.map((h) => h.result())),
        stack.workersFailed,
      ])) as ReconcileReport[];
    } finally {
      clearInterval(ticker);
    }
    const seconds = (Date.now() - start) / 1000;
    const adoptionCpu = cpuOf(cpuStart);
    const scheduled = reports.reduce((n, r) => n + r.scheduled.length, 0);
    const failed = reports.flatMap((r) => r.failed);
    const events = (await stack.store.headPosition()) - headBefore;
    if (scheduled !== total || failed.length > 0 || events !== total)
      throw new Error(
        `adoption incomplete: ${scheduled} scheduled of ${total}, ${events} events, failed ${JSON.stringify(failed.slice(0, 3))}`,
      );
    const rate = total / seconds;
    const cpuPerProcedureMs = ((adoptionCpu.server + adoptionCpu.self) * 1000) / total;
    log(
      `adoption: ${total} procedures scheduled in ${seconds.toFixed(1)} s (plans started in ${((started - start) / 1000).toFixed(1)} s), ${rate.toFixed(1)}/s; every plan's report: ${o.perSchool} scheduled, none failed`,
    );
    log(
      `adoption: ${cpuText(adoptionCpu, seconds)}: ${cpuPerProcedureMs.toFixed(2)} ms of CPU per procedure, so 2 cores to itself would schedule ≈ ${((2 * 1000) / cpuPerProcedureMs).toFixed(0)}/s; load average ${loadNow()}`,
    );

    const running = await countRunning(stack.client, 'procedureWorkflow');
    log(
      `after the adoption: ${running} procedure workflows running (the others start before their first timer), ${await countRunning(stack.client, 'procedureWakesWorkflow')} wakes workflows holding those timers`,
    );

    // The procedures' workflows start when their first timer nears (two days before): here `wakeN` of them are
    // made due at once, spread over the schools, through one wakes workflow per school as a plan starts it.
    const perPlan = Math.ceil(o.wakeN / o.schools);
    const wakers = Math.min(o.schools, Math.ceil(o.wakeN / perPlan));
    log(
      `wakes: ${perPlan * wakers} procedure workflows started from the log through ${wakers} wakes workflows…`,
    );
    start = Date.now();
    cpuStart = cpuSample(stack.serverPids);
    const soon = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const wakes = await Promise.all(
      Array.from(
        { length: wakers },
        (_, i) =>
          stack.client.workflow.execute('procedureWakesWorkflow', {
            taskQueue: PROCEDURES_TASK_QUEUE,
            workflowId: `bench-wakes-${i + 1}`,
            args: [
              {
                wakes: Array.from({ length: perPlan }, (_, p) => ({
                  procedureId: `school-${String(i + 1).padStart(4, '0')}-p${p}`,
                  at: soon,
                })),
              },
            ],
          }) as Promise<number>,
      ),
    );
    const wakeSeconds = (Date.now() - start) / 1000;
    const wakeCpu = cpuOf(cpuStart);
    // A wake activity retried after its completion was lost finds its workflows running and counts none of them:
    // the check is on the workflows running, the count only says how many each wakes workflow saw itself start.
    const woken = wakes.reduce((n, w) => n + w, 0);
    const due = perPlan * wakers;
    const runningAfterWakes = await countRunning(stack.client, 'procedureWorkflow');
    if (runningAfterWakes < running + due)
      throw new Error(`wakes: ${runningAfterWakes - running} running of ${due} due (${woken} counted)`);
    const wakeRate = due / wakeSeconds;
    log(
      `wakes: ${due} procedure workflows started in ${wakeSeconds.toFixed(1)} s, ${wakeRate.toFixed(1)}/s (${woken} counted by the wakes workflows themselves); ${cpuText(wakeCpu, wakeSeconds)}`,
    );

    log(
      `timers after the adoption and the wakes (${runningAfterWakes} procedure workflows open): ${o.probes} probes…`,
    );
    const after = await probeTimers(stack.client, stack.store, 'after', o, today);

    const metrics = await scrape(metricsPort);
    for (const line of metrics) log(`worker metrics: ${line}`);
    // Counted by the fan-out's activities once per fact on the log, however often a task ran again.
    const sum = (what: string) =>
      metrics
        .filter((l) => l.startsWith(`vsoko_plan_procedures_${what}_total`))
        .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
    const [planned, startedCount] = [sum('planned'), sum('started')];
    log(
      `fan-out metrics: planned ${planned}, started ${startedCount}, failed ${sum('failed')} for ${total} procedures: ${planned === total && startedCount === total ? 'exact' : 'NOT EXACT'}`,
    );

    // Stalls: what the server recorded as retried or slow, beside what the worker saw of each attempt.
    activityLogFile.flushSync();
    const attempts = workerAttempts(activityLogPath);
    const lines = [...attempts.values()].flat();
    const slowHere = lines.filter((a) => (a.runMs ?? 0) > o.slowMs || a.queuedMs > o.slowMs);
    const retriedHere = lines.filter((a) => a.attempt > 1);
    const { activities, flagged } = await slowOrRetriedActivities(
      stack.client,
      ['planApprovalWorkflow', 'procedureWakesWorkflow'],
      o.slowMs,
    );
    log(
      `activities: the server recorded ${activities} in the plan-approval and wakes workflows, ${flagged.length} retried or over ${o.slowMs} ms scheduled→closed; ` +
        `the worker ran ${lines.length} attempts (of every workflow), ${slowHere.length} queued or ran over ${o.slowMs} ms, ${retriedHere.length} retries`,
    );
    for (const line of explainStalls(flagged, attempts)) log(`stall: ${line}`);
    const slowest = [...lines].sort((a, b) => (b.runMs ?? 0) - (a.runMs ?? 0))[0];
    if (slowest)
      log(
        `slowest attempt in the worker: ${slowest.activity} of ${slowest.workflowId}, ran ${slowest.runMs} ms, queued ${slowest.queuedMs} ms, waits ${JSON.stringify(slowest.waits)}, event loop busy ${slowest.eventLoopBusy}`,
      );

    if (o.schools < 1_000) {
      const district = 150_000;
      log(
        `extrapolation: 1,000 schools × 150 = ${district} procedures scheduled at ${rate.toFixed(1)}/s ≈ ${(district / rate / 60).toFixed(1)} min on this machine now (load average ${loadavg()[0].toFixed(1)}); the goal is < 1 h, i.e. ≥ ${(district / 3600).toFixed(0)}/s; their workflows start before their first timers at ${wakeRate.toFixed(1)}/s ≈ ${((wakeRate * 86_400) / 1000).toFixed(0)}k a day`,
      );
    }
    const wall = (Date.now() - t0) / 1000;
    log(
      `wall time ${wall.toFixed(0)} s; ${cpuText(cpuOf(cpu0), wall)}; load average over the run ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
    const line = (name: string, unit: string, value: number, baseline: number) =>
      `BENCH plan-adoption.${name} value=${value.toFixed(2)} unit=${unit} baseline=${baseline.toFixed(2)} ratio=${(value / baseline).toFixed(2)}`;
    process.stdout.write(
      [
        line('starts', 'procedures/s', rate, baselineRate),
        line('wakes', 'procedures/s', wakeRate, baselineRate),
        line('finish', 's', seconds, total / baselineRate),
        // CPU per start: a scheduled procedure against a trivial workflow's update-with-start.
        line(
          'cpu-per-start',
          'ms',
          cpuPerProcedureMs,
          ((baselineCpu.server + baselineCpu.self) * 1000) / o.baselineN,
        ),
        line('timer-lateness.p50', 'ms', after.p50, before.p50),
        line('timer-lateness.p99', 'ms', after.p99, before.p99),
      ].join('\n') + '\n',
    );
  } finally {
    await stack.stop();
    activityLogFile.flushSync();
  }
}

/** School `s`'s plan: P procedures a week or more ahead, within the academic year; each one step of the fan-out. */
function planOf(s: number, perSchool: number, today: string): PlanApprovalInput {
  const schoolId = `school-${String(s).padStart(4, '0')}`;
  const academicYear = academicYearOf(today);
  const yearEnd = academicYearBounds(academicYear)!.to;
  const steps: ReconcileStep[] = Array.from({ length: perSchool }, (_, i): ReconcileStep => {
    const from = addDays(today, 7 + (i % 90)) < yearEnd ? addDays(today, 7 + (i % 90)) : today;
    const to = addDays(from, 14) < yearEnd ? addDays(from, 14) : yearEnd;
    const procedure: PlannedProcedure = {
      procedureId: `${schoolId}-p${i}`,
      rowKey: `row-${i}`,
      sourceRow: i + 1,
      title: `Мониторинг ${i + 1}`,
      direction: (['results', 'process', 'conditions'] as const)[i % 3],
      responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
      window: { from, to },
      occurrence: { index: 1, of: 1 },
      templateId: 'district-template',
    };
    return { kind: 'ensure', procedure };
  });
  const context: CommandContext = {
    commandId: `adopt-${schoolId}`,
    actor: { id: `director-${schoolId}`, kind: 'user', role: 'director' },
    issuedAt: new Date().toISOString(),
    correlationId: `adopt-${schoolId}`,
    causationId: `adopt-${schoolId}`,
    schoolId,
    districtId: DISTRICT,
  };
  return {
    planStream: `plan-${schoolId}-${academicYear.replace('/', '-')}`,
    target: { schoolId, academicYear, timeZone: TIME_ZONE, rescheduleReason: 'план района' },
    steps,
    context,
  };
}

async function startTrivial(client: Client, workflowId: string): Promise<void> {
  const input: TrivialWorkflowInput = { updates: 1 };
  await client.workflow.executeUpdateWithStart(bumpUpdate, {
    updateId: `${workflowId}:1`,
    startWorkflowOperation: new WithStartWorkflowOperation('trivialWorkflow', {
      workflowId,
      taskQueue: TRIVIAL_TASK_QUEUE,
      args: [input],
      // A start sent again finds its workflow; the same update id is answered once.
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
}

/**
 * Procedures whose window ended, kept overdue from `watchFrom` (as a mid-year import keeps them): each one's
 * stage timer falls due at its `watchFrom`. Answers how late each StageOverdue was recorded, p50 and p99 in ms.
 */
async function probeTimers(
  client: Client,
  store: EventStore,
  tag: string,
  o: Options,
  today: string,
): Promise<{ p50: number; p99: number; max: number }> {
  const procedures = new ProcedureClient(client);
  const academicYear = academicYearOf(today);
  const from = Date.now() + o.probeAfter * 1000;
  const ids = Array.from({ length: o.probes }, (_, i) => `probe-${tag}-${i}`);
  const due = new Map<string, number>();
  await runPool(ids.length, 16, async (i) => {
    const procedureId = ids[i];
    const watchFrom = new Date(from + Math.round((i * o.probeSpread * 1000) / Math.max(1, o.probes - 1)));
    due.set(procedureId, watchFrom.getTime());
    const commandId = `schedule-${procedureId}`;
    await procedures.start(procedureId, {
      command: {
        type: 'ScheduleProcedure',
        data: {
          procedureId,
          schoolId: 'school-probe',
          academicYear,
          title: 'Пробный таймер',
          direction: 'results',
          responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
          window: { from: addDays(today, -20), to: addDays(today, -10) },
          timeZone: TIME_ZONE,
          watchFrom: watchFrom.toISOString(),
        },
      },
      context: {
        commandId,
        actor: { id: 'bench', kind: 'user', role: 'director' },
        issuedAt: new Date().toISOString(),
        correlationId: commandId,
        causationId: commandId,
        schoolId: 'school-probe',
      },
    });
  });
  const late = new Map<string, number>();
  const deadline = from + o.probeSpread * 1000 + 300_000;
  while (late.size < ids.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2_000));
    for (const id of ids) {
      if (late.has(id)) continue;
      const overdue = (await store.readStream(`procedure-${id}`)).find((e) => e.type === 'StageOverdue');
      if (overdue) {
        late.set(id, Date.parse(overdue.recordedAt) - due.get(id)!);
      }
    }
  }
  if (late.size < ids.length)
    throw new Error(`timers: ${ids.length - late.size} of ${ids.length} never fired`);
  const sorted = [...late.values()].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const figures = { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
  log(
    `timers ${tag}: ${ids.length} fired; late by p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms`,
  );
  return figures;
}

async function countRunning(client: Client, type: string): Promise<number> {
  const { count } = await client.workflow.count(`WorkflowType = '${type}' AND ExecutionStatus = 'Running'`);
  return count;
}

async function scrape(port: number): Promise<string[]> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return text.split('\n').filter((l) => l.startsWith('vsoko_plan_procedures'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
