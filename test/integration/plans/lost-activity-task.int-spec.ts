import { activityInfo, cancelled } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import type { PlannedProcedure } from '@vsoko/domain';
import { WORKFLOWS_PATH } from '../../../services/worker/src/create-worker';
import type { LogScheduleOutcome, PlanApprovalActivities } from '../../../workflows/plan-approval/activities';
import { nextTestNamespace } from '../namespaces';

const TASK_QUEUE = 'lost-activity-tasks';
const { TimeoutType } = temporal.api.enums.v1;

/**
 * Issue 18: on an overloaded server some activity tasks are recorded started and never reach a worker (the
 * plan-adoption bench at 1,000 schools: a handful of the plans' log batches, each retried only after its whole
 * start-to-close timeout). Patch lost-activity-tasks bounds that wait: a log batch is retried 30 s after its
 * start (it takes well under a second), a wake after 20 s without a beat. Here each activity's first attempt is
 * such a lost task — it never answers and never beats — on the dev server, and the workflow finishes anyway,
 * its retry coming after the short bound (real seconds: 20 and 30), not after the old one or two minutes.
 */
describe('an activity task lost on its way to the worker', () => {
  let client: Client;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;

  /** Attempt 1 is lost: it waits until the worker shuts down. Later attempts answer. */
  const lostOnce = async <T>(answer: () => T): Promise<T> => {
    if (activityInfo().attempt === 1) await cancelled();
    return answer();
  };
  const activities: Pick<PlanApprovalActivities, 'scheduleOnLog' | 'wakeProcedures'> = {
    scheduleOnLog: ({ procedures }) =>
      lostOnce(() =>
        procedures.map((p: PlannedProcedure): LogScheduleOutcome => ({
          procedureId: p.procedureId,
          outcome: 'scheduled',
          wakeAt: null,
        })),
      ),
    wakeProcedures: ({ procedureIds }) => lostOnce(() => procedureIds.length),
  };

  beforeAll(async () => {
    const namespace = nextTestNamespace();
    const address = process.env.TEMPORAL_ADDRESS!;
    connection = await Connection.connect({ address });
    client = new Client({ connection, namespace });
    native = await NativeConnection.connect({ address });
    worker = await Worker.create({
      connection: native,
      namespace,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await native?.close();
    await connection?.close();
  });

  /** The one activity of a history: how long from scheduled to completed, and the failure its last attempt followed. */
  async function activityOf(workflowId: string) {
    const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
    const scheduled = events!.find((e) => e.activityTaskScheduledEventAttributes)!;
    const started = events!.find((e) => e.activityTaskStartedEventAttributes)!;
    const completed = events!.find((e) => e.activityTaskCompletedEventAttributes)!;
    return {
      waitedMs: tsToMs(completed.eventTime) - tsToMs(scheduled.eventTime),
      attempt: started.activityTaskStartedEventAttributes!.attempt,
      timeoutType: started.activityTaskStartedEventAttributes!.lastFailure?.timeoutFailureInfo?.timeoutType,
    };
  }

  it('a wake is retried after 20 s without a beat, and its procedures are started', async () => {
    const at = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const woken = await client.workflow.execute('procedureWakesWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: 'lost-wake',
      args: [{ wakes: [{ procedureId: 'p-1', at }] }],
    });
    expect(woken).toBe(1);
    const wake = await activityOf('lost-wake');
    expect(wake.attempt).toBe(2);
    expect(wake.timeoutType).toBe(TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
    expect(wake.waitedMs).toBeGreaterThanOrEqual(20_000);
    expect(wake.waitedMs).toBeLessThan(60_000); // before the patch: the one-minute start-to-close timeout
  });

  it("a plan's batch on the log is retried 30 s after its start, and the plan reports every procedure", async () => {
    const steps = Array.from({ length: 3 }, (_, i) => ({
      kind: 'ensure' as const,
      procedure: { procedureId: `lost-p${i}`, window: { from: '2026-12-10', to: '2026-12-20' } },
    }));
    const report = (await client.workflow.execute('planApprovalWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: 'lost-plan',
      args: [
        {
          planStream: 'plan-lost',
          target: { schoolId: 'school-lost', academicYear: '2026/2027', timeZone: 'Asia/Yekaterinburg' },
          steps,
          context: {
            commandId: 'c',
            actor: { id: 'director-1', kind: 'user', role: 'director' },
            issuedAt: new Date().toISOString(),
            correlationId: 'c',
            causationId: 'c',
            schoolId: 'school-lost',
          },
        },
      ],
    })) as { scheduled: string[]; failed: unknown[] };
    expect(report.scheduled).toEqual(['lost-p0', 'lost-p1', 'lost-p2']);
    expect(report.failed).toEqual([]);
    const batch = await activityOf('lost-plan');
    expect(batch.attempt).toBe(2);
    expect(batch.timeoutType).toBe(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE);
    expect(batch.waitedMs).toBeGreaterThanOrEqual(30_000);
    expect(batch.waitedMs).toBeLessThan(120_000); // before the patch: the two-minute start-to-close timeout
  });
});
