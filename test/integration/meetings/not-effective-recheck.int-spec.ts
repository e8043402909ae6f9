import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { decisionWorkflowId } from '../../../workflows/decision/definitions';
import { recordHistory } from '../../../workflows/testing/histories';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { posts } from './support/fixture';

const SCHOOL = 'school-recheck';
const YEAR = '2023/24';
const TZ = 'Europe/Moscow';

/**
 * Issue 13, item 4: «не эффективно» re-opens the question twice over — the decision goes on the next meeting's
 * agenda, and its workflow schedules a re-check of the procedure it is linked to, as the procedure workflow's
 * own re-check child is scheduled (system actor, parent named, caused by the assessment).
 */
describe('a decision judged not effective', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);
  const procedureId = `vpr-${tag}`;
  const meetingId = `m-${tag}`;
  const decisionId = `d-${tag}`;
  const childId = `${decisionId}-recheck-1`;

  const { ok: post } = posts(
    () => ({ baseUrl: s.baseUrl, headers: director }),
    (position) => (head = Math.max(head, position)),
  );

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL);
    await post('/procedures', {
      id: procedureId,
      schoolId: SCHOOL,
      academicYear: YEAR,
      title: 'ВПР по математике, 4 классы',
      direction: 'results',
      responsible: { role: 'deputy', name: 'Зам.директора по УВР' },
      window: { from: '2023-09-01', to: '2023-09-30' },
      timeZone: TZ,
    });
    await post('/meetings', {
      id: meetingId,
      academicYear: YEAR,
      level: 'pedagogical-council',
      date: { precision: 'day', date: '2023-10-02' },
      timeZone: TZ,
      agenda: [{ itemId: 'item-1', title: 'Итоги ВПР', procedureId }],
    });
    await post(`/meetings/${meetingId}/held`, {});
    await post(`/meetings/${meetingId}/decisions`, {
      id: decisionId,
      number: 1,
      wording: 'Организовать дополнительные занятия по математике',
      executors: { lead: { role: 'deputy', name: 'Зам.директора по УВР' } },
      deadline: { asWritten: 'Октябрь-декабрь 2023г' },
      procedureIds: [procedureId],
    });
    await post(`/decisions/${decisionId}/execution`, { executedOn: '2023-12-20' });
    await post(`/decisions/${decisionId}/effectiveness`, {
      verdict: 'not-effective',
      indicator: 'Качество знаний по математике: 48 % (было 50 %)',
      assessedOn: '2024-01-20',
    });
  }, 180_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('gets a re-check of its procedure, scheduled by its workflow', async () => {
    let child: JsonBody = {};
    for (let i = 0; i < 60 && child.stage !== 'scheduled'; i++) {
      const res = await fetch(`${s.baseUrl}/procedures/${childId}`, { headers: director });
      child = res.status === 200 ? await json(res) : {};
      if (child.stage !== 'scheduled') await new Promise((r) => setTimeout(r, 500));
    }
    expect(child).toMatchObject({
      procedureId: childId,
      stage: 'scheduled',
      schoolId: SCHOOL,
      academicYear: YEAR,
      title: 'Повторная проверка: ВПР по математике, 4 классы',
      direction: 'results',
      parentProcedureId: procedureId,
      window: { from: '2024-01-20', to: '2024-02-19' },
      responsible: { role: 'deputy', name: 'Зам.директора по УВР' },
    });
    const [scheduled] = await s.store.readStream(`procedure-${childId}`);
    const assessment = (await s.store.readStream(`decision-${decisionId}`)).find(
      (e) => e.type === 'EffectivenessAssessed',
    )!;
    expect(scheduled.metadata).toMatchObject({ actor: { kind: 'system' }, causationId: assessment.id });
    await recordHistory(
      'decision-recheck',
      await s.temporal.workflow.getHandle(decisionWorkflowId(decisionId)).fetchHistory(),
      path.join(__dirname, '../../../workflows/decision/histories'),
    );
  });

  it('re-checks in the window the director sets, shown on the decision; a window with another verdict is refused', async () => {
    const second = `d2-${tag}`;
    await post(`/meetings/${meetingId}/decisions`, {
      id: second,
      number: 2,
      wording: 'Провести консультации для родителей',
      executors: { lead: { role: 'deputy', name: 'Зам.директора по УВР' } },
      deadline: { asWritten: 'Декабрь 2023' },
      procedureIds: [procedureId],
    });
    await post(`/decisions/${second}/execution`, { executedOn: '2023-12-20' });
    const assess = (body: JsonBody) =>
      fetch(`${s.baseUrl}/decisions/${second}/effectiveness`, {
        method: 'POST',
        headers: { ...director, 'content-type': 'application/json' },
        body: JSON.stringify({
          indicator: 'Качество знаний по математике: 48 % (было 50 %)',
          assessedOn: '2024-01-20',
          ...body,
        }),
      });
    // What people wrote: the December 2023 deadline had passed when it was entered, so its workflow marks it missed.
    const written = async () =>
      (await s.store.readStream(`decision-${second}`)).filter((e) => e.metadata.actor.kind !== 'system');
    const before = (await written()).length;
    const refusals = [
      [
        { verdict: 'partly', recheckWindow: { from: '2024-03-01', to: '2024-03-31' } },
        422,
        'RECHECK_WINDOW_UNEXPECTED',
      ],
      [
        { verdict: 'not-effective', recheckWindow: { from: '2024-03-31', to: '2024-03-01' } },
        422,
        'WINDOW_REVERSED',
      ],
      [
        { verdict: 'not-effective', recheckWindow: { from: '2024-01-02', to: '2024-01-10' } },
        422,
        'RECHECK_WINDOW_BEFORE_ASSESSMENT',
      ],
      [
        { verdict: 'not-effective', recheckWindow: { from: '2024-03-01', to: '2024-09-30' } },
        422,
        'WINDOW_OUTSIDE_ACADEMIC_YEAR',
      ],
      [{ verdict: 'not-effective', recheckWindow: { from: '1 марта' } }, 400, 'VALIDATION_FAILED'],
    ] as const;
    for (const [body, status, code] of refusals) {
      const res = await assess(body);
      const answer = await json(res);
      expect([res.status, answer.code]).toEqual([status, code]);
      expect(answer.message).toMatch(/[а-яё]/i);
    }
    expect(await written()).toHaveLength(before);

    const window = { from: '2024-03-01', to: '2024-03-31' };
    const ok = await assess({ verdict: 'not-effective', recheckWindow: window });
    expect(ok.status).toBe(200);
    const decision = await json(await fetch(`${s.baseUrl}/decisions/${second}`, { headers: director }));
    expect(decision.assessments[0].rechecks).toEqual([
      expect.objectContaining({ procedureId: `${second}-recheck-1`, parentProcedureId: procedureId, window }),
    ]);
    let child: JsonBody = {};
    for (let i = 0; i < 60 && child.stage !== 'scheduled'; i++) {
      const res = await fetch(`${s.baseUrl}/procedures/${second}-recheck-1`, { headers: director });
      child = res.status === 200 ? await json(res) : {};
      if (child.stage !== 'scheduled') await new Promise((r) => setTimeout(r, 500));
    }
    expect(child).toMatchObject({ stage: 'scheduled', parentProcedureId: procedureId, window });
  });

  it('and goes on the next meeting’s agenda', async () => {
    const next = `m2-${tag}`;
    await post('/meetings', {
      id: next,
      academicYear: YEAR,
      level: 'pedagogical-council',
      date: { precision: 'month', month: '2024-02' },
      timeZone: TZ,
    });
    const meeting = await json(await fetch(`${s.baseUrl}/meetings/${next}`, { headers: director }));
    expect(meeting.agenda).toEqual(
      expect.arrayContaining([expect.objectContaining({ subject: { kind: 'decision', decisionId } })]),
    );
  });
});
