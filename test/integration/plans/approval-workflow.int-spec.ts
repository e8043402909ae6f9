import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { procedureWakesWorkflow } from '../../../workflows/plan-approval/wakes';
import { ProcedureClient } from '../../../workflows/procedure/client';
import { PROCEDURES_TASK_QUEUE } from '../../../workflows/procedure/definitions';
import { recordHistory } from '../../../workflows/testing/histories';
import { schoolCalendarOf } from '../../fixtures/plans/school-calendar';
import { nextAcademicYear } from '../../fixtures/plans/years';
import { json, startServices, type Services } from '../harness';

const { year: YEAR, start: START, stream: YEAR_PATH } = nextAcademicYear();
const CHAIN = [
  { afterDays: 2, to: 'responsible' },
  { afterDays: 4, to: 'deputy' },
  { afterDays: 6, to: 'director' },
];
const HISTORIES = path.join(__dirname, '..', '..', '..', 'workflows', 'plan-approval', 'histories');
const CSV = [
  '№;Мероприятие;Срок;Ответственный;Результат',
  ...Array.from(
    { length: 12 },
    (_, i) => `${i + 1};Мониторинг ${i + 1};май;Заместитель директора по УВР;Справка`,
  ),
].join('\n');

/**
 * Issue 12, item 5: the fan-out of an approval is a Temporal workflow. A client may leave at once (202) and follow
 * its progress; approving again runs idempotent steps that find the work done.
 */
describe('the approval fan-out runs as a workflow a client can follow', () => {
  let s: Services;
  let director: Record<string, string>;
  let stranger: Record<string, string>;
  const schoolId = `school-${randomUUID().slice(0, 8)}`;
  /** The procedures the first approval scheduled. */
  let scheduled: string[] = [];

  beforeAll(async () => {
    s = await startServices({ projector: false });
    director = await s.loginAs('director', schoolId);
    stranger = await s.loginAs('director', `other-${schoolId}`);
  });
  afterAll(async () => {
    await s?.stop();
  });

  const put = (path: string, body: unknown) =>
    fetch(`${s.baseUrl}${path}`, {
      method: 'PUT',
      headers: { ...director, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers 202 at once, reports progress until done, and a second approval finds everything there', async () => {
    // The school's own chain and calendar: the fan-out schedules with them, as POST /procedures does.
    const { academicYear: _year, ...calendar } = schoolCalendarOf(START);
    expect((await put(`/schools/${schoolId}/calendars/${YEAR_PATH}`, calendar)).status).toBe(200);
    const reminders = { daysBefore: [5, 2], escalationGraceDays: 3, escalation: CHAIN, repeatEveryDays: 0 };
    expect((await put(`/schools/${schoolId}/reminder-settings`, reminders)).status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([CSV]), 'plan.csv');
    form.append('schoolId', schoolId);
    form.append('academicYear', YEAR);
    const preview = await json(
      await fetch(`${s.baseUrl}/plans/import`, { method: 'POST', headers: director, body: form }),
    );
    const importId = preview.importId as string;
    const progressOf = async (headers = director) => {
      const res = await fetch(`${s.baseUrl}/plans/imports/${importId}/approval`, { headers });
      return { status: res.status, body: await json(res) };
    };
    expect(await progressOf()).toMatchObject({ status: 404, body: { code: 'PLAN_APPROVAL_NOT_FOUND' } });

    const res = await fetch(`${s.baseUrl}/plans/imports/${importId}/approve`, {
      method: 'POST',
      headers: { ...director, prefer: 'respond-async' },
    });
    const accepted = await json(res);
    expect(res.status).toBe(202);
    expect(accepted).toMatchObject({ recorded: true, progress: `/plans/imports/${importId}/approval` });
    expect(accepted.workflowId).toMatch(/^plan-approval-plan-/);

    const seen: number[] = [];
    for (let i = 0; i < 200; i++) {
      const { body } = await progressOf();
      seen.push(body.done);
      expect(body.total).toBe(12);
      if (body.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = await progressOf();
    expect(done.body).toMatchObject({ status: 'completed', done: 12, total: 12, report: { failed: [] } });
    expect(done.body.report.scheduled).toHaveLength(12);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // Record with VSOKO_RECORD_HISTORIES=lazy-starts: plan-approval.json keeps the fan-out from before the patch.
    const handle = s.temporal.workflow.getHandle(accepted.workflowId as string);
    await recordHistory('plan-approval', await handle.fetchHistory(), HISTORIES);
    expect((await progressOf(stranger)).status).toBe(404);

    const again = await json(
      await fetch(`${s.baseUrl}/plans/imports/${importId}/approve`, { method: 'POST', headers: director }),
    );
    expect(again).toMatchObject({ recorded: false, scheduled: [], failed: [] });
    expect(again.alreadyThere).toHaveLength(12);
    scheduled = done.body.report.scheduled as string[];
    const first = scheduled[0];
    const [recorded] = await s.store.readStream(`procedure-${first}`);
    expect(await s.store.readStream(`procedure-${first}`)).toHaveLength(1);

    // Issue 15: a plan's procedures are chased along the school's chain, on its working days.
    expect(recorded.data).toMatchObject({
      window: { from: `${START + 1}-05-01`, to: `${START + 1}-05-31` },
      reminders: { daysBefore: [5, 2], escalationGraceDays: 3 },
      chase: { escalation: CHAIN, repeatEveryDays: 0, preparationDaysBefore: [3] },
    });
    const { chase } = recorded.data as {
      chase: { remindFrom: string; workingDays: { daysOff: unknown[] } };
    };
    expect(chase.remindFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const spring = schoolCalendarOf(START).daysOff.find((d) => d.name === 'Весенние каникулы')!;
    expect(chase.workingDays.daysOff).toContainEqual({ from: spring.from, to: spring.to });
  });

  it('schedules on the log without starting workflows; a child holds their first timers, a command starts one', async () => {
    const workflows = async (query: string) => {
      const ids: string[] = [];
      for await (const w of s.temporal.workflow.list({ query })) ids.push(w.workflowId);
      return ids;
    };
    const [first, second] = scheduled;
    // No procedure workflow runs yet: each is on the log, its first timer (in May) held by the wakes workflow.
    await expect(s.temporal.workflow.getHandle(`procedure-${first}`).describe()).rejects.toThrow();
    const [wakes] = await workflows(`WorkflowType = 'procedureWakesWorkflow'`);
    expect(wakes).toMatch(/^procedure-wakes-plan-/);
    expect((await s.temporal.workflow.getHandle(wakes).describe()).status.name).toBe('RUNNING');

    // A command to a procedure without its workflow starts it from the log and runs as on any other.
    const [state] = await s.store.readStream(`procedure-${first}`);
    const window = (state.data as { window: { from: string; to: string } }).window;
    const moved = await fetch(`${s.baseUrl}/procedures/${first}/reschedule`, {
      method: 'POST',
      headers: { ...director, 'content-type': 'application/json' },
      body: JSON.stringify({
        window: { from: window.from, to: window.to.replace(/-\d\d$/, '-30') },
        reason: 'Приказ № 7',
      }),
    });
    expect({ status: moved.status, body: await json(moved) }).toMatchObject({
      status: 200,
      body: { eventTypes: ['ProcedureRescheduled'] },
    });
    expect((await s.store.readStream(`procedure-${first}`)).map((e) => e.type)).toEqual([
      'ProcedureScheduled',
      'ProcedureRescheduled',
    ]);
    expect((await s.temporal.workflow.getHandle(`procedure-${first}`).describe()).status.name).toBe(
      'RUNNING',
    );

    // A first timer within the lead: the wakes workflow starts that procedure's workflow at once, and only once.
    const procedures = new ProcedureClient(s.temporal, s.store);
    expect((await procedures.snapshot(second)).state).toMatchObject({
      status: 'scheduled',
      procedureId: second,
    });
    const soon = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const woken = await s.temporal.workflow.execute(procedureWakesWorkflow, {
      taskQueue: PROCEDURES_TASK_QUEUE,
      workflowId: `wakes-test-${schoolId}`,
      args: [
        {
          wakes: [
            { procedureId: first, at: soon },
            { procedureId: second, at: soon },
          ],
        },
      ],
    });
    expect(woken).toBe(1); // `first` runs already since its command
    expect((await s.temporal.workflow.getHandle(`procedure-${second}`).describe()).status.name).toBe(
      'RUNNING',
    );
    expect(await procedures.wake(second)).toBe(false);
    await recordHistory(
      'procedure-wakes',
      await s.temporal.workflow.getHandle(`wakes-test-${schoolId}`).fetchHistory(),
      HISTORIES,
    );
  });
});
