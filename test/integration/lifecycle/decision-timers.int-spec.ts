import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
  academicYearBounds,
  academicYearOf,
  addDays,
  decisionDecider,
  decisionStreamName,
  localDateOf,
  type AdoptDecision,
  type CommandContext,
  type Deadline,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import {
  decisionChangedSignal,
  decisionTimersQuery,
  decisionWorkflowId,
  DECISIONS_TASK_QUEUE,
} from '@vsoko/workflows/decision/definitions';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createNotificationsWorker } from '../../../services/worker/src/create-notifications-worker';
import { createProcedureWorker } from '../../../services/worker/src/create-worker';
import { recordHistory } from '../../../workflows/testing/histories';
import { timeSkippingEnvironment } from './time-skipping';

const SCHOOL = 'school-dt';
const TZ = 'Asia/Yekaterinburg';
const HISTORIES = path.join(__dirname, '..', '..', '..', 'workflows', 'decision', 'histories');

/**
 * A decision's workflow on Temporal's time-skipping server: weeks pass, and the decision's own timers fire —
 * a check-in at each term's end of a «в течение года» decision, each missed monthly check-in of a standing one
 * (never overdue as a whole), the deadline and the escalation of a dated one.
 */
describe('a decision keeps its own time (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let store: EventStore;
  let handler: DeciderHandler;
  let workers: Worker[];
  let running: Promise<unknown>;
  let mongo: MongoClient;
  const tag = randomUUID().slice(0, 8);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-decision-timers-'));

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
    store = await createEventStore({ sqlitePath: path.join(dir, 'events.sqlite') });
    handler = new DeciderHandler(store);
    // Nobody of this school has an address: every mail is recorded as failed, and the chase goes on.
    mongo = await MongoClient.connect(process.env.MONGODB_URL!);
    const namespace = env.namespace ?? 'default';
    workers = [
      await createProcedureWorker({ connection: env.nativeConnection, namespace, store }),
      await createNotificationsWorker({
        connection: env.nativeConnection,
        namespace,
        db: mongo.db(`vsoko_dt_${tag}`),
        smtpUrl: process.env.SMTP_URL!,
      }),
    ];
    running = Promise.all(workers.map((w) => w.run()));
  });

  afterAll(async () => {
    workers?.forEach((w) => w.shutdown());
    await running;
    await env?.teardown();
    await mongo?.db(`vsoko_dt_${tag}`).dropDatabase();
    await mongo?.close();
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const context = async (): Promise<CommandContext> => {
    const commandId = randomUUID();
    return {
      commandId,
      actor: { id: 'director-1', kind: 'user', role: 'director', name: 'Смирнова Е. В.' },
      issuedAt: new Date(await env.currentTimeMs()).toISOString(),
      correlationId: commandId,
      causationId: commandId,
      schoolId: SCHOOL,
    };
  };

  async function adopt(decisionId: string, deadline: Deadline, today: string) {
    const command: AdoptDecision = {
      type: 'AdoptDecision',
      data: {
        decisionId,
        schoolId: SCHOOL,
        academicYear: academicYearOf(today),
        number: 1,
        wording: 'Разработать и организовать систему сбора информации о динамике развития обучающихся',
        adoptedBy: { kind: 'order', orderNumber: '112-о', date: today },
        procedureIds: [],
        executors: { lead: { role: 'deputy', name: 'Зам.директора по УВР' }, coExecutors: [] },
        scope: {},
        deadline,
        evidenceRequired: false,
        timeZone: TZ,
      },
    };
    await handler.handle(decisionStreamName(decisionId), decisionDecider, command, await context());
    return env.client.workflow.signalWithStart('decisionWorkflow', {
      workflowId: decisionWorkflowId(decisionId),
      taskQueue: DECISIONS_TASK_QUEUE,
      args: [{ decisionId }],
      signal: decisionChangedSignal,
    });
  }

  const until = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const types = async (decisionId: string) =>
    (await store.readStream(decisionStreamName(decisionId)))
      .map((e) => e.type)
      .filter((t) => t !== 'DecisionNotificationRecorded');
  const data = async (decisionId: string, type: string) =>
    (await store.readStream(decisionStreamName(decisionId)))
      .filter((e) => e.type === type)
      .map((e) => e.data);

  it('marks the term check-ins of a whole-year decision as they pass unreported, then its deadline', async () => {
    const today = localDateOf(await env.currentTimeMs(), TZ);
    const yearEnd = academicYearBounds(academicYearOf(today))!.to;
    const due = addDays(today, 40) < yearEnd ? addDays(today, 40) : yearEnd;
    const checkIns = [addDays(today, 10), addDays(today, 25)].filter((d) => d < due);
    const id = `year-${tag}`;
    const handle = await adopt(
      id,
      {
        asWritten: 'В течение года',
        parsed: { kind: 'year', academicYear: academicYearOf(today), due, checkIns },
      },
      today,
    );
    const first = await until('the workflow to load the decision', async () => {
      const timers = await handle.query(decisionTimersQuery);
      return timers.length > 0 ? timers : undefined;
    });
    expect(first.map((t) => t.kind)).toContain('check-in-missed');

    await env.sleep('60 days');
    expect((await data(id, 'CheckInMissed')).map((d) => (d as { dueOn: string }).dueOn)).toEqual(checkIns);
    const recorded = await types(id);
    expect(recorded.slice(0, checkIns.length + 4)).toEqual([
      'DecisionAdopted',
      ...checkIns.map(() => 'CheckInMissed'),
      'DecisionDeadlineApproaching',
      'DecisionDeadlineApproaching',
      'DecisionDeadlineMissed',
    ]);
    // The school's default chain: the responsible, a deputy, the director, the inspector, then weekly again.
    const chased = (await data(id, 'DecisionEscalated')).map((d) => (d as { to: string }).to);
    expect(chased.slice(0, 4)).toEqual(['responsible', 'deputy', 'director', 'inspector']);
    const outcomes = (await data(id, 'DecisionNotificationRecorded')).map(
      (d) => (d as { outcome: string }).outcome,
    );
    expect(outcomes.length).toBe(recorded.length - 1);
    expect(new Set(outcomes)).toEqual(new Set(['failed']));
    await recordHistory('decision-year', await handle.fetchHistory(), HISTORIES);
  }, 120_000);

  it('a standing decision misses one check-in a month and is never overdue as a whole', async () => {
    const today = localDateOf(await env.currentTimeMs(), TZ);
    const id = `standing-${tag}`;
    const handle = await adopt(
      id,
      {
        asWritten: 'Постоянно по мере поступления',
        parsed: { kind: 'standing', every: 'month', from: today },
      },
      today,
    );
    await env.sleep('70 days');
    const missed = (await data(id, 'CheckInMissed')).map((d) => (d as { dueOn: string }).dueOn);
    expect(missed.length).toBeGreaterThanOrEqual(2);
    expect(missed.every((d) => addDays(d, 1).endsWith('-01'))).toBe(true);
    expect(await types(id)).not.toContain('DecisionDeadlineMissed');
    expect((await handle.query(decisionTimersQuery)).map((t) => t.kind)).toEqual(['check-in-missed']);
    await recordHistory('decision-standing', await handle.fetchHistory(), HISTORIES);
  }, 120_000);

  it('stops watching once the decision is executed: no lateness after it', async () => {
    const today = localDateOf(await env.currentTimeMs(), TZ);
    const id = `dated-${tag}`;
    const handle = await adopt(id, { parsed: { kind: 'date', due: addDays(today, 20) } }, today);
    await env.sleep('3 days');
    await handler.handle(
      decisionStreamName(id),
      decisionDecider,
      { type: 'RecordDecisionExecution', data: { decisionId: id, executedOn: addDays(today, 3) } },
      await context(),
    );
    await handle.signal(decisionChangedSignal);
    await env.sleep('40 days');
    expect(await types(id)).toEqual(['DecisionAdopted', 'DecisionExecutionRecorded']);
    expect(await handle.query(decisionTimersQuery)).toEqual([]);
  }, 120_000);
});
