import { decisionStreamName } from '@vsoko/domain';
import { decisionTimersQuery, decisionWorkflowId } from '@vsoko/workflows/decision/definitions';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { recordHistory } from '../../../workflows/testing/histories';
import { json, startServices, type Services } from '../harness';
import { heldPedsovet, posts, until } from './support/fixture';

const SCHOOL = 'school-late';
const YEAR = '2023/24';
const HISTORIES = path.join(__dirname, '..', '..', '..', 'workflows', 'decision', 'histories');

/**
 * A педсовет protocol typed in after its decision's deadline had passed: the decision is overdue at once — a
 * recorded fact in the system's name, caused by its timer, mailed as any missed deadline — and the chase starts
 * from the day it was entered, not all at once for a deadline long past.
 */
describe('a decision entered after its own deadline', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);
  const meetingId = `m-${tag}`;
  const decisionId = `d-${tag}`;

  const { ok } = posts(
    () => ({ baseUrl: s.baseUrl, headers: director }),
    (position) => (head = Math.max(head, position)),
  );
  const stream = () => s.store.readStream(decisionStreamName(decisionId));

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL);
    await heldPedsovet(ok, {
      id: meetingId,
      academicYear: YEAR,
      date: '2023-08-30',
      title: 'Итоги ВПР',
      heard: 'Об итогах ВПР',
      decisionIds: [decisionId],
    });
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('is marked missed at once, by the system, caused by its deadline timer, and mailed about', async () => {
    const adopted = await ok(`/meetings/${meetingId}/decisions`, {
      id: decisionId,
      number: 1,
      wording: 'Доработать Программу развития школы',
      executors: { lead: { role: 'deputy', name: 'Зам.директора по УВР' } },
      deadline: { asWritten: 'Октябрь-декабрь 2023г' },
    });
    const missed = await until('the deadline to be marked missed', async () =>
      (await stream()).find((e) => e.type === 'DecisionDeadlineMissed'),
    );
    expect(missed.data).toMatchObject({ decisionId, due: '2023-12-31' });
    expect(missed.metadata).toMatchObject({
      actor: { id: 'system', kind: 'system' },
      correlationId: `decision:${decisionId}`,
      causationId: `timer:MarkDeadlineMissed:2023-12-31T20:59:59.999Z:`,
    });
    // Recorded now, when the system learned of it, not back-dated to 2023.
    expect(Date.parse(missed.metadata.occurredAt)).toBeGreaterThan(Date.now() - 120_000);
    expect(adopted.position).toBeLessThan(missed.position);

    // The responsible is told, as of any missed deadline; nobody of this school has an address, so it failed.
    const notice = await until('the notification to be recorded', async () =>
      (await stream()).find(
        (e) =>
          e.type === 'DecisionNotificationRecorded' &&
          (e.data as { aboutType: string }).aboutType === 'DecisionDeadlineMissed',
      ),
    );
    expect(notice.data).toMatchObject({ aboutRevision: missed.revision, outcome: 'failed' });

    // No reminder about the past, and the chase waits for its first step after the day of entry.
    expect((await stream()).map((e) => e.type)).not.toContain('DecisionDeadlineApproaching');
    expect((await stream()).map((e) => e.type)).not.toContain('DecisionEscalated');
    const handle = s.temporal.workflow.getHandle(decisionWorkflowId(decisionId));
    const [next] = await until('the chase to be scheduled', async () => {
      const timers = await handle.query(decisionTimersQuery);
      return timers[0]?.kind === 'escalation' ? timers : undefined;
    });
    expect(next.command).toMatchObject({ type: 'EscalateDecision', data: { step: 0, to: 'responsible' } });
    expect(Date.parse(next.at)).toBeGreaterThan(Date.now());

    head = Math.max(head, notice.position);
    const res = await fetch(
      `${s.baseUrl}/decision-records?academicYear=${encodeURIComponent(YEAR)}&waitForPosition=${head}&timeoutMs=30000`,
      { headers: director },
    );
    expect(res.status).toBe(200);
    const { items } = (await json(res)) as { items: { _id: string; status: string; overdue: boolean }[] };
    expect(items.map((r) => [r._id, r.status, r.overdue])).toEqual([[decisionId, 'open', true]]);

    await recordHistory('decision-late', await handle.fetchHistory(), HISTORIES);
  }, 120_000);
});
