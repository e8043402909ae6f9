import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
  academicYearBounds,
  academicYearOf,
  addDays,
  localDateOf,
  type Actor,
  type CommandContext,
  type ProcedureCommand,
  type ProcedureScheduled,
} from '@vsoko/domain';
import { createEventStore, type EventStore, type RecordedEvent } from '@vsoko/event-store';
import { procedureWorkflowId } from '@vsoko/workflows/procedure/definitions';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { ProcedureClient } from '../../../workflows/procedure/client';
import { createNotificationsWorker } from '../../../services/worker/src/create-notifications-worker';
import { createProcedureWorker } from '../../../services/worker/src/create-worker';
import { STAFF_COLLECTION, type StaffMember } from '../../../workflows/notifications/activities';
import { recordHistory } from '../../../workflows/testing/histories';
import { until } from '../meetings/support/fixture';
import { capturedMail } from './mail';
import { timeSkippingEnvironment } from './time-skipping';

const HISTORIES = path.join(__dirname, '..', '..', '..', 'workflows', 'procedure', 'histories');
const SCHOOL = 'school-lc';

const minDate = (a: string, b: string) => (a < b ? a : b);
const TZ = 'Asia/Yekaterinburg';
const director: Actor = { id: 'director-1', kind: 'user', role: 'director', name: 'Смирнова Е. В.' };
const deputy: Actor = { id: 'ivanova', kind: 'user', role: 'deputy', name: 'Иванова А. П.' };
const teacher = { role: 'teacher', personId: 'petrova', name: 'Петрова М. И.' };

describe('a procedure lives its whole life on Temporal, with days passing (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let store: EventStore;
  let mongo: MongoClient;
  let db: Db;
  let workers: Worker[];
  let running: Promise<unknown>;
  let procedures: ProcedureClient;
  const tag = randomUUID().slice(0, 8);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-lifecycle-'));

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
    store = await createEventStore({ sqlitePath: path.join(dir, 'events.sqlite') });
    mongo = await MongoClient.connect(process.env.MONGODB_URL!);
    db = mongo.db(`vsoko_lc_${tag}`);
    const staff: StaffMember[] = [
      {
        _id: `${SCHOOL}:petrova`,
        schoolId: SCHOOL,
        personId: 'petrova',
        name: teacher.name,
        roles: ['teacher'],
        email: 'petrova@school.test',
      },
      {
        _id: `${SCHOOL}:director-1`,
        schoolId: SCHOOL,
        personId: 'director-1',
        name: director.name!,
        roles: ['director'],
        email: 'director@school.test',
      },
    ];
    await db.collection<StaffMember>(STAFF_COLLECTION).insertMany(staff);
    const connection = env.nativeConnection;
    workers = [
      await createProcedureWorker({ connection, namespace: env.namespace ?? 'default', store }),
      await createNotificationsWorker({
        connection,
        namespace: env.namespace ?? 'default',
        db,
        smtpUrl: process.env.SMTP_URL!,
      }),
    ];
    running = Promise.all(workers.map((w) => w.run()));
    procedures = new ProcedureClient(env.client);
  });

  afterAll(async () => {
    workers?.forEach((w) => w.shutdown());
    await running;
    await env?.teardown();
    await db?.dropDatabase();
    await mongo?.close();
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const now = async () => new Date(await env.currentTimeMs()).toISOString();
  const context = async (actor: Actor): Promise<CommandContext> => {
    const commandId = randomUUID();
    return {
      commandId,
      actor,
      issuedAt: await now(),
      correlationId: commandId,
      causationId: commandId,
      schoolId: SCHOOL,
    };
  };
  const run = async (command: ProcedureCommand, actor: Actor = deputy) =>
    procedures.execute(command.data.procedureId, { command, context: await context(actor) });
  const types = async (procedureId: string) =>
    (await store.readStream(`procedure-${procedureId}`)).map((e: RecordedEvent) => e.type);

  function scheduled(id: string, today: string): ProcedureScheduled['data'] {
    return {
      procedureId: id,
      schoolId: SCHOOL,
      academicYear: academicYearOf(today),
      title: `ВПР по математике, 4 класс [${tag}]`,
      direction: 'results',
      method: 'Всероссийская проверочная работа',
      responsible: { role: 'deputy', personId: 'ivanova', name: 'Иванова А. П.' },
      window: { from: today, to: minDate(addDays(today, 20), academicYearBounds(academicYearOf(today))!.to) },
      timeZone: TZ,
    };
  }

  it('records decisions executed on time, overdue and escalated, extended, and closes; mail goes out', async () => {
    const id = `lc-${tag}`;
    const today = localDateOf(await now(), TZ);
    const first = await procedures.start(id, {
      command: { type: 'ScheduleProcedure', data: scheduled(id, today) },
      context: await context(deputy),
    });
    expect(first.revision).toBe(0);

    await run({
      type: 'MarkProcedurePerformed',
      data: {
        procedureId: id,
        performedOn: today,
        performedBy: { role: 'deputy', name: 'Иванова А. П.' },
        collected: ['Работы 4А, 4Б'],
      },
    });
    await run({
      type: 'RecordAnalysis',
      data: {
        procedureId: id,
        analysedOn: today,
        document: { title: 'Аналитическая справка по ВПР' },
        findings: ['Слабые вычислительные навыки'],
      },
    });
    await run({
      type: 'RecordDiscussion',
      data: {
        procedureId: id,
        meeting: { level: 'pedagogical-council', heldOn: today, protocolNumber: '3' },
      },
    });
    await run({
      type: 'AdoptDecisions',
      data: {
        procedureId: id,
        decisions: [
          {
            decisionId: 'on-time',
            wording: 'Провести консультации для группы риска',
            deadline: addDays(today, 10),
            responsible: teacher,
          },
          {
            decisionId: 'late',
            wording: 'Обновить рабочую программу по математике',
            deadline: addDays(today, 5),
            responsible: teacher,
          },
          {
            decisionId: 'extended',
            wording: 'Провести повторную диагностику',
            deadline: addDays(today, 8),
            responsible: teacher,
          },
        ],
      },
    });
    await run(
      {
        type: 'ExecuteDecision',
        data: {
          procedureId: id,
          decisionId: 'on-time',
          executedOn: today,
          evidence: { description: 'Журнал консультаций' },
        },
      },
      { id: 'petrova', kind: 'user', role: 'teacher' },
    );
    await run(
      {
        type: 'ExtendDecisionDeadline',
        data: { procedureId: id, decisionId: 'extended', deadline: addDays(today, 30), reason: 'Больничный' },
      },
      director,
    );

    // Ten days pass: 'late' gets its reminder, falls overdue at the end of its day and is escalated three days on.
    await env.sleep('10 days');
    await until('the escalation and its mail', async () => {
      const t = await types(id);
      return t.includes('EscalatedToDirector') && t.filter((x) => x === 'NotificationSent').length >= 3
        ? t
        : undefined;
    });

    const events = await store.readStream(`procedure-${id}`);
    const about = (type: string) =>
      events
        .filter((e) => e.type === type)
        .map(
          (e) =>
            (e.data as { decisionId?: string; subject?: { decisionId: string } }).decisionId ??
            (e.data as { subject: { decisionId: string } }).subject.decisionId,
        );
    expect(about('DecisionReminderDue')).toEqual(['late']);
    expect(about('DecisionOverdue')).toEqual(['late']);
    expect(about('EscalatedToDirector')).toEqual(['late']);
    const escalation = events.find((e) => e.type === 'EscalatedToDirector')!;
    expect(escalation.metadata.actor).toMatchObject({ id: 'system', kind: 'system' });
    expect(new Date(escalation.metadata.occurredAt).getTime()).toBeGreaterThan(
      Date.parse(`${addDays(today, 8)}T18:59:59Z`),
    );

    const mail = (await capturedMail()).filter((m) => m.text.includes(tag));
    expect(mail.map((m) => [m.to, m.subject.split(':')[0]]).sort()).toEqual(
      [
        ['director@school.test', 'Эскалация'],
        ['petrova@school.test', 'Напоминание'],
        ['petrova@school.test', 'Просрочено решение'],
      ].sort(),
    );
    expect(mail.find((m) => m.subject.startsWith('Напоминание'))!.text).toContain(
      'Обновить рабочую программу по математике',
    );

    const later = localDateOf(await now(), TZ);
    await run(
      {
        type: 'ExecuteDecision',
        data: {
          procedureId: id,
          decisionId: 'late',
          executedOn: later,
          evidence: { description: 'Программа утверждена' },
        },
      },
      { id: 'petrova', kind: 'user', role: 'teacher' },
    );
    await expect(run({ type: 'CloseProcedure', data: { procedureId: id } })).rejects.toMatchObject({
      code: 'DECISIONS_UNRESOLVED',
    });
    await run(
      {
        type: 'ExecuteDecision',
        data: {
          procedureId: id,
          decisionId: 'extended',
          executedOn: later,
          evidence: { description: 'Диагностика проведена' },
        },
      },
      { id: 'petrova', kind: 'user', role: 'teacher' },
    );
    await run({ type: 'CloseProcedure', data: { procedureId: id } });

    const handle = env.client.workflow.getHandle(procedureWorkflowId(id));
    expect((await handle.result()).status).toBe('closed');
    await recordHistory('lifecycle-closed', await handle.fetchHistory(), HISTORIES);
    const final = await types(id);
    expect(final.filter((t) => !t.startsWith('Notification'))).toEqual([
      'ProcedureScheduled',
      'ProcedurePerformed',
      'AnalysisRecorded',
      'DiscussionRecorded',
      'DecisionsAdopted',
      'DecisionExecuted',
      'DecisionDeadlineExtended',
      'DecisionReminderDue',
      'DecisionOverdue',
      'EscalatedToDirector',
      'DecisionExecuted',
      'DecisionExecuted',
      'ProcedureClosed',
    ]);
    expect(final.filter((t) => t === 'NotificationSent')).toHaveLength(3);
  });

  it('cancels a procedure with a reason and ends its workflow', async () => {
    const id = `lc-cancel-${tag}`;
    const today = localDateOf(await now(), TZ);
    await procedures.start(id, {
      command: { type: 'ScheduleProcedure', data: scheduled(id, today) },
      context: await context(deputy),
    });
    await expect(
      run(
        { type: 'CancelProcedure', data: { procedureId: id, reason: 'Исключена из плана' } },
        { id: 'petrova', kind: 'user', role: 'teacher' },
      ),
    ).rejects.toMatchObject({ code: 'ACTOR_NOT_ALLOWED', kind: 'forbidden' });
    await run(
      { type: 'CancelProcedure', data: { procedureId: id, reason: 'Исключена из плана приказом № 12' } },
      director,
    );
    const handle = env.client.workflow.getHandle(procedureWorkflowId(id));
    expect((await handle.result()).status).toBe('cancelled');
    await recordHistory('lifecycle-cancelled', await handle.fetchHistory(), HISTORIES);
    const events = await store.readStream(`procedure-${id}`);
    expect(events.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedureCancelled']);
    expect(events[1].data).toMatchObject({ reason: 'Исключена из плана приказом № 12' });
    expect(events[1].metadata.actor).toMatchObject({ id: 'director-1' });
  });

  it('records a notification that cannot be delivered and goes on', async () => {
    const id = `lc-nomail-${tag}`;
    const today = localDateOf(await now(), TZ);
    const data = {
      ...scheduled(id, today),
      window: { from: today, to: today },
      responsible: { role: 'deputy', personId: 'nobody', name: 'Сидоров П. П.' },
    };
    await procedures.start(id, {
      command: { type: 'ScheduleProcedure', data },
      context: await context(deputy),
    });
    await env.sleep('2 days');
    const events = await until('the failed notification', async () => {
      const e = await store.readStream(`procedure-${id}`);
      return e.some((x) => x.type === 'NotificationFailed') ? e : undefined;
    });
    expect(events.map((e) => e.type)).toEqual(['ProcedureScheduled', 'StageOverdue', 'NotificationFailed']);
    expect(events[2].data).toMatchObject({
      recipient: 'nobody',
      attempt: 1,
      willRetry: false,
      about: { kind: 'stage-overdue', stage: 'performance' },
    });
    expect((events[2].data as { error: string }).error).toContain('нет адреса');
    const description = await env.client.workflow.getHandle(procedureWorkflowId(id)).describe();
    expect(description.status.name).toBe('RUNNING');
  });

  it('starts the re-check a decision asks for as a procedure of its own, linked to its parent', async () => {
    const id = `lc-parent-${tag}`;
    const child = `lc-recheck-${tag}`;
    const today = localDateOf(await now(), TZ);
    await procedures.start(id, {
      command: { type: 'ScheduleProcedure', data: scheduled(id, today) },
      context: await context(deputy),
    });
    await run({
      type: 'MarkProcedurePerformed',
      data: {
        procedureId: id,
        performedOn: today,
        performedBy: { name: 'Иванова А. П.' },
        collected: ['Работы'],
      },
    });
    await run({
      type: 'RecordAnalysis',
      data: { procedureId: id, analysedOn: today, document: { title: 'Справка' }, findings: ['Пробелы'] },
    });
    await run({
      type: 'RecordDiscussion',
      data: { procedureId: id, meeting: { level: 'methodical-council', heldOn: today, protocolNumber: '2' } },
    });
    await run({
      type: 'AdoptDecisions',
      data: {
        procedureId: id,
        decisions: [
          {
            decisionId: 'recheck',
            wording: 'Провести повторную проверку',
            deadline: addDays(today, 15),
            responsible: teacher,
          },
        ],
      },
    });
    await run({
      type: 'RequestRecheck',
      data: {
        procedureId: id,
        decisionId: 'recheck',
        childProcedureId: child,
        window: { from: today, to: today },
      },
    });

    const childEvents = await until('the re-check procedure', async () => {
      const e = await store.readStream(`procedure-${child}`);
      return e.length > 0 ? e : undefined;
    });
    expect(childEvents[0]).toMatchObject({
      type: 'ProcedureScheduled',
      data: {
        procedureId: child,
        parentProcedureId: id,
        schoolId: SCHOOL,
        window: { from: today, to: today },
      },
      metadata: { actor: { kind: 'system' } },
    });
    const parentEvents = await store.readStream(`procedure-${id}`);
    const requested = parentEvents.find((e) => e.type === 'RecheckRequested')!;
    // Traceable: the child's first event names the parent's command as its cause.
    expect(childEvents[0].metadata.causationId).toBe(requested.metadata.causationId);
    const description = await env.client.workflow.getHandle(procedureWorkflowId(child)).describe();
    expect(description.status.name).toBe('RUNNING');
    await recordHistory(
      'lifecycle-recheck',
      await env.client.workflow.getHandle(procedureWorkflowId(id)).fetchHistory(),
      HISTORIES,
    );
  });
});
