import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
  decisionDecider,
  decisionStreamName,
  isDayOff,
  localDateOf,
  procedureChaseOf,
  procedureStreamName,
  schoolSettingsDecider,
  schoolStreamName,
  workingDaysOf,
  type AdoptDecision,
  type CommandContext,
  type SchoolCalendar,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import {
  decisionChangedSignal,
  decisionWorkflowId,
  DECISIONS_TASK_QUEUE,
} from '@vsoko/workflows/decision/definitions';
import { MongoClient, type Db } from 'mongodb';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createNotificationsWorker } from '../../../services/worker/src/create-notifications-worker';
import { createProcedureWorker } from '../../../services/worker/src/create-worker';
import { STAFF_COLLECTION, type StaffMember } from '../../../workflows/notifications/activities';
import { recordHistory } from '../../../workflows/testing/histories';
import { procedureWorkflowId } from '@vsoko/workflows/procedure/definitions';
import { ProcedureClient } from '../../../workflows/procedure/client';
import { capturedMail } from './mail';
import { timeSkippingEnvironment } from './time-skipping';

const TZ = 'Europe/Moscow';
const HISTORIES = path.join(__dirname, '..', '..', '..', 'workflows', 'decision', 'histories');
const PROCEDURE_HISTORIES = path.join(__dirname, '..', '..', '..', 'workflows', 'procedure', 'histories');

/*
 * The school's calendar for 2027/28: autumn holidays 25.10–03.11.2027, 4 November a public holiday. A
 * decision due on Wednesday 3 November 2027 falls due on Friday 5 November; its reminder goes out on the last
 * working day before the holidays; after it is missed the school's default chain chases the responsible, the
 * deputy, the director and the district's inspector, each on a working day, each mailed and recorded.
 */
const CALENDAR: SchoolCalendar = {
  academicYear: '2027/28',
  termKind: 'quarter',
  weekDays: 5,
  terms: [
    { number: 1, from: '2027-09-01', to: '2027-10-24' },
    { number: 2, from: '2027-11-05', to: '2027-12-29' },
    { number: 3, from: '2028-01-10', to: '2028-03-17' },
    { number: 4, from: '2028-03-27', to: '2028-05-26' },
  ],
  daysOff: [
    { kind: 'vacation', name: 'Осенние каникулы', from: '2027-10-25', to: '2027-11-03' },
    { kind: 'public-holiday', name: 'День народного единства', from: '2027-11-04', to: '2027-11-04' },
  ],
  workingWeekends: [],
};

describe('an overdue decision is chased up to the district inspector, on working days (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let store: EventStore;
  let mongo: MongoClient;
  let db: Db;
  let workers: Worker[];
  let running: Promise<unknown>;
  let handler: DeciderHandler;
  let procedures: ProcedureClient;
  const tag = randomUUID().slice(0, 8);
  const SCHOOL = `school-ec-${tag}`;
  const DISTRICT = `district-ec-${tag}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-chain-'));

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
    store = await createEventStore({ sqlitePath: path.join(dir, 'events.sqlite') });
    handler = new DeciderHandler(store);
    mongo = await MongoClient.connect(process.env.MONGODB_URL!);
    db = mongo.db(`vsoko_ec_${tag}`);
    const member = (personId: string, role: string, name: string, position: string): StaffMember => ({
      _id: `${SCHOOL}:${personId}`,
      schoolId: SCHOOL,
      personId,
      name,
      roles: [role],
      positions: [position],
      email: `${personId}.${tag}@school.test`,
    });
    // Two deputies: the teacher's work is overseen by the deputy for teaching (по УВР), Иванова, not by Анисимова
    // (по ВР), who comes first by name and by insertion — «their deputy» is found by position, not by role.
    await db
      .collection<StaffMember>(STAFF_COLLECTION)
      .insertMany([
        member('anisimova', 'deputy', 'Анисимова О. Л.', 'deputy-upbringing'),
        member('petrova', 'teacher', 'Петрова М. И.', 'teacher'),
        member('ivanova', 'deputy', 'Иванова А. П.', 'deputy-academic'),
        member('smirnova', 'director', 'Смирнова Е. В.', 'director'),
      ]);
    // The inspector is no school's staff: the accounts directory knows them by the district they inspect.
    await db.collection('schools').insertOne({ _id: SCHOOL as never, districtId: DISTRICT, name: 'Школа' });
    await db.collection('users').insertOne({
      _id: `inspector-${tag}` as never,
      name: 'Орлова Н. С.',
      email: `inspector.${tag}@district.test`,
      passwordHash: 'x',
      memberships: [],
      inspects: [DISTRICT],
    });
    const connection = env.nativeConnection;
    const namespace = env.namespace ?? 'default';
    workers = [
      await createProcedureWorker({ connection, namespace, store }),
      await createNotificationsWorker({ connection, namespace, db, smtpUrl: process.env.SMTP_URL! }),
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

  const context = async (role: string): Promise<CommandContext> => {
    const commandId = randomUUID();
    return {
      commandId,
      actor: { id: `${role}-1`, kind: 'user', role },
      issuedAt: new Date(await env.currentTimeMs()).toISOString(),
      correlationId: commandId,
      causationId: commandId,
      schoolId: SCHOOL,
    };
  };

  it('moves a deadline of 3 November (a decision, a procedure window) to 5 November, reminds before the holidays, and chases step by step', async () => {
    await handler.handle(
      schoolStreamName(SCHOOL),
      schoolSettingsDecider,
      { type: 'SetSchoolCalendar', data: { schoolId: SCHOOL, calendar: CALENDAR } },
      await context('director'),
    );
    const id = `chain-${tag}`;
    const wording = `Провести повторную диагностику по математике в 5-х классах (${tag})`;
    const today = localDateOf(await env.currentTimeMs(), TZ);
    const adopt: AdoptDecision = {
      type: 'AdoptDecision',
      data: {
        decisionId: id,
        schoolId: SCHOOL,
        academicYear: '2026/27',
        number: 1,
        wording,
        adoptedBy: { kind: 'order', orderNumber: '45-о', date: today },
        procedureIds: [],
        executors: { lead: { personId: 'petrova', role: 'teacher', name: 'Петрова М. И.' }, coExecutors: [] },
        scope: {},
        deadline: { asWritten: 'до 03.11.2027', parsed: { kind: 'date', due: '2027-11-03' } },
        evidenceRequired: false,
        timeZone: TZ,
      },
    };
    expect(today < '2027-10-01').toBe(true);
    await handler.handle(decisionStreamName(id), decisionDecider, adopt, await context('director'));
    const handle = await env.client.workflow.signalWithStart('decisionWorkflow', {
      workflowId: decisionWorkflowId(id),
      taskQueue: DECISIONS_TASK_QUEUE,
      args: [{ decisionId: id }],
      signal: decisionChangedSignal,
    });

    // A procedure of the same school whose window ends on 3 November too.
    const pid = `chain-p-${tag}`;
    const title = `Мониторинг адаптации пятиклассников [${tag}]`;
    const { state: school } = await handler.load(schoolStreamName(SCHOOL), schoolSettingsDecider);
    const window = { from: '2027-10-04', to: '2027-11-03' };
    const commandId = randomUUID();
    const scheduledOutcome = await procedures.start(pid, {
      command: {
        type: 'ScheduleProcedure',
        data: {
          procedureId: pid,
          schoolId: SCHOOL,
          academicYear: '2027/28',
          title,
          direction: 'process',
          responsible: { role: 'teacher', personId: 'petrova', name: 'Петрова М. И.' },
          window,
          timeZone: TZ,
          chase: procedureChaseOf(school, window, today),
        },
      },
      context: {
        ...(await context('director')),
        commandId,
        correlationId: commandId,
        causationId: commandId,
      },
    });
    expect(scheduledOutcome.revision).toBe(0);

    // Until 20 November 2027, 00:00 in Moscow: the inspector's step (15 November) has passed, the weekly repeat not.
    await env.sleep(Date.parse('2027-11-19T21:00:00Z') - (await env.currentTimeMs()));
    const recorded = await store.readStream(decisionStreamName(id));
    const facts = recorded.filter(
      (e) => e.type !== 'DecisionNotificationRecorded' && e.type !== 'DecisionAdopted',
    );
    // A deadline is marked missed at the very end of its day, so the timer's instant, not a second later, names the day.
    const dayOf = (e: (typeof recorded)[number]) =>
      localDateOf(Date.parse(e.metadata.occurredAt as string) - 1000, TZ);
    expect(facts.map((e) => [e.type, (e.data as { to?: string }).to ?? '', dayOf(e)])).toEqual([
      ['DecisionDeadlineApproaching', '', '2027-10-22'],
      ['DecisionDeadlineMissed', '', '2027-11-05'],
      ['DecisionEscalated', 'responsible', '2027-11-08'],
      ['DecisionEscalated', 'deputy', '2027-11-08'],
      ['DecisionEscalated', 'director', '2027-11-10'],
      ['DecisionEscalated', 'inspector', '2027-11-15'],
    ]);
    expect(facts[1].data).toMatchObject({ due: '2027-11-03', dueOn: '2027-11-05' });
    const days = workingDaysOf([CALENDAR]);
    expect(facts.filter((e) => isDayOff(days, dayOf(e)))).toEqual([]);

    // Every step in the audit trail with whom it reached: one delivery record per fact, all sent.
    const deliveries = recorded
      .filter((e) => e.type === 'DecisionNotificationRecorded')
      .map((e) => e.data as { aboutType: string; outcome: string; recipient: string });
    expect(deliveries.map((d) => [d.aboutType, d.outcome, d.recipient.split('.')[0]])).toEqual([
      ['DecisionDeadlineApproaching', 'sent', 'petrova'],
      ['DecisionDeadlineMissed', 'sent', 'petrova'],
      ['DecisionEscalated', 'sent', 'petrova'],
      ['DecisionEscalated', 'sent', 'ivanova'],
      ['DecisionEscalated', 'sent', 'smirnova'],
      ['DecisionEscalated', 'sent', 'inspector'],
    ]);

    const mail = (await capturedMail()).filter((m) => m.text.includes(wording));
    expect(mail.map((m) => m.to.split('.')[0]).sort()).toEqual(
      ['inspector', 'ivanova', 'petrova', 'petrova', 'petrova', 'smirnova'].sort(),
    );
    const inspectorMail = mail.find((m) => m.to.startsWith('inspector'))!;
    expect(inspectorMail.subject).toContain('Эскалация (шаг 4)');
    expect(inspectorMail.text).toContain('инспектор района');
    expect(mail.find((m) => m.subject.startsWith('Просрочено'))!.text).toContain(
      'пришёлся на выходной и был перенесён на 05.11.2027',
    );

    // The procedure: told to prepare before its window, overdue on 5 November, chased to the inspector.
    const procedureRecorded = await store.readStream(procedureStreamName(pid));
    const procedureFacts = procedureRecorded.filter(
      (e) => !['ProcedureScheduled', 'NotificationSent', 'NotificationFailed'].includes(e.type),
    );
    const procedureDayOf = (e: (typeof procedureRecorded)[number]) =>
      localDateOf(Date.parse(e.metadata.occurredAt as string) - 1000, TZ);
    expect(
      procedureFacts.map((e) => [e.type, (e.data as { to?: string }).to ?? '', procedureDayOf(e)]),
    ).toEqual([
      ['WindowApproaching', '', '2027-10-01'],
      ['StageOverdue', '', '2027-11-05'],
      ['EscalatedToDirector', 'responsible', '2027-11-08'],
      ['EscalatedToDirector', 'deputy', '2027-11-08'],
      ['EscalatedToDirector', 'director', '2027-11-10'],
      ['EscalatedToDirector', 'inspector', '2027-11-15'],
    ]);
    const sent = procedureRecorded
      .filter((e) => e.type === 'NotificationSent')
      .map((e) => (e.data as { recipient: string }).recipient.split('.')[0]);
    expect(sent).toEqual(['petrova', 'petrova', 'petrova', 'ivanova', 'smirnova', 'inspector']);
    const procedureMail = (await capturedMail()).filter(
      (m) => m.text.includes(title) || m.subject.includes(title),
    );
    expect(procedureMail.map((m) => m.to.split('.')[0]).sort()).toEqual(
      ['inspector', 'ivanova', 'petrova', 'petrova', 'petrova', 'smirnova'].sort(),
    );
    await recordHistory(
      'lifecycle-chain',
      await env.client.workflow.getHandle(procedureWorkflowId(pid)).fetchHistory(),
      PROCEDURE_HISTORIES,
    );
    await recordHistory('decision-chain', await handle.fetchHistory(), HISTORIES);
  }, 180_000);
});
