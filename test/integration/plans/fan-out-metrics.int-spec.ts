import { activityInfo } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import type { MetricMeter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { academicYearOf, addDays, localDateOf, type PlannedProcedure } from '@vsoko/domain';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WORKFLOWS_PATH } from '../../../services/worker/src/create-worker';
import { createPlanApprovalActivities } from '../../../workflows/plan-approval/activities';
import type { ReconcileReport, ReconcileStep } from '../../../workflows/plan-approval/steps';
import { nextTestNamespace } from '../namespaces';

const TASK_QUEUE = 'fan-out-metrics';
const TIME_ZONE = 'Asia/Yekaterinburg';
const PROCEDURES = 60;

/**
 * Issue 18: workflow tasks that timed out on a busy server counted the plans' fan-out metrics twice (the
 * 1,000-school bench read vsoko_plan_procedures_planned_total 157,200 for 150,000 procedures): workflow code runs
 * again when its task is retried, and that is not a replay. The fan-out's activities count now, once per fact on
 * the log. Here every way a fan-out runs again happens at once, on the dev server: the plan's first workflow
 * task fails after its code ran (support/fail-first-task.ts); no history is cached, so every later task replays
 * the whole history; and each log batch's first attempt records its procedures and then loses its completion,
 * so a second attempt runs the batch again. The counts are still exactly the plan's.
 */
describe("a plan's fan-out counted once however often it runs again", () => {
  const counts: Record<string, number> = {};
  const meter = {
    createCounter: (name: string) => ({
      add: (n: number) => void (counts[name] = (counts[name] ?? 0) + n),
    }),
  } as unknown as MetricMeter;
  const dir = path.join(process.env.VSOKO_IT_DATA_DIR!, `fan-out-metrics-${randomUUID().slice(0, 8)}`);
  let store: EventStore;
  let client: Client;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  const attempts: number[] = [];

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    store = await createEventStore({ sqlitePath: path.join(dir, 'events.sqlite') });
    const namespace = nextTestNamespace();
    const address = process.env.TEMPORAL_ADDRESS!;
    connection = await Connection.connect({ address });
    client = new Client({ connection, namespace });
    native = await NativeConnection.connect({ address });
    const real = createPlanApprovalActivities({ temporal: client, store, meter: () => meter });
    worker = await Worker.create({
      connection: native,
      namespace,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      interceptors: { workflowModules: [require.resolve('./support/fail-first-task')] },
      // No history kept between tasks: each one replays the run from its start.
      maxCachedWorkflows: 0,
      activities: {
        ...real,
        async scheduleOnLog(input: Parameters<typeof real.scheduleOnLog>[0]) {
          const out = await real.scheduleOnLog(input);
          attempts.push(activityInfo().attempt);
          // The batch is on the log and counted; its completion never reaches the server.
          if (activityInfo().attempt === 1) throw new Error('completion lost on purpose');
          return out;
        },
      },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await native?.close();
    await connection?.close();
    await store?.close();
  });

  it('planned, started and failed are the plan’s own figures', async () => {
    const today = localDateOf(Date.now(), TIME_ZONE);
    const schoolId = `school-${randomUUID().slice(0, 8)}`;
    const steps = Array.from({ length: PROCEDURES }, (_, i): ReconcileStep => ({
      kind: 'ensure',
      procedure: {
        procedureId: `${schoolId}-p${i}`,
        rowKey: `row-${i}`,
        sourceRow: i + 1,
        title: `Мониторинг ${i + 1}`,
        direction: 'results',
        responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
        window: { from: addDays(today, 7), to: addDays(today, 14) },
        occurrence: { index: 1, of: 1 },
      } satisfies PlannedProcedure,
    }));
    const workflowId = `plan-approval-metrics-${schoolId}`;
    const report = (await client.workflow.execute('planApprovalWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [
        {
          planStream: `plan-${schoolId}`,
          target: {
            schoolId,
            academicYear: academicYearOf(today),
            timeZone: TIME_ZONE,
            rescheduleReason: 'r',
          },
          steps,
          context: {
            commandId: 'c',
            actor: { id: 'director-1', kind: 'user', role: 'director' },
            issuedAt: new Date().toISOString(),
            correlationId: 'c',
            causationId: 'c',
            schoolId,
          },
        },
      ],
    })) as ReconcileReport;
    expect(report.scheduled).toHaveLength(PROCEDURES);
    expect(report.failed).toEqual([]);

    // Everything ran again: the first workflow task failed, and each batch ran twice.
    const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
    expect(events!.filter((e) => e.workflowTaskFailedEventAttributes)).toHaveLength(1);
    const batches = Math.ceil(PROCEDURES / 25);
    expect(attempts.filter((a) => a === 1)).toHaveLength(batches);
    expect(attempts.filter((a) => a === 2)).toHaveLength(batches);

    expect(counts).toEqual({
      vsoko_plan_procedures_planned: PROCEDURES,
      vsoko_plan_procedures_started: PROCEDURES,
    });
  });
});
