import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
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
    await recordHistory(
      'plan-approval',
      await s.temporal.workflow.getHandle(accepted.workflowId as string).fetchHistory(),
      HISTORIES,
    );
    expect((await progressOf(stranger)).status).toBe(404);

    const again = await json(
      await fetch(`${s.baseUrl}/plans/imports/${importId}/approve`, { method: 'POST', headers: director }),
    );
    expect(again).toMatchObject({ recorded: false, scheduled: [], failed: [] });
    expect(again.alreadyThere).toHaveLength(12);
    const first = (done.body.report.scheduled as string[])[0];
    const [scheduled] = await s.store.readStream(`procedure-${first}`);
    expect(await s.store.readStream(`procedure-${first}`)).toHaveLength(1);

    // Issue 15: a plan's procedures are chased along the school's chain, on its working days.
    expect(scheduled.data).toMatchObject({
      window: { from: `${START + 1}-05-01`, to: `${START + 1}-05-31` },
      reminders: { daysBefore: [5, 2], escalationGraceDays: 3 },
      chase: { escalation: CHAIN, repeatEveryDays: 0, preparationDaysBefore: [3] },
    });
    const { chase } = scheduled.data as {
      chase: { remindFrom: string; workingDays: { daysOff: unknown[] } };
    };
    expect(chase.remindFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const spring = schoolCalendarOf(START).daysOff.find((d) => d.name === 'Весенние каникулы')!;
    expect(chase.workingDays.daysOff).toContainEqual({ from: spring.from, to: spring.to });
  });
});
