import { academicYearOf, localDateOf } from '@vsoko/domain';
import { staffXlsx } from '../../fixtures/staff/staff-list';
import { formOf } from '../auth/support/routes';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { loginAs, putDistrict } from '../auth/accounts';

const TZ = 'Europe/Moscow';
const today = localDateOf(Date.now(), TZ);
const YEAR = academicYearOf(today);
const yearEnd = `${Number(YEAR.slice(0, 4)) + 1}-05-31`;

/**
 * A teacher leaves: her open procedure and decisions (with their term check-ins) are listed from the read
 * models and handed to a colleague in one step, each as a reassignment event with the reason.
 */
describe('handing over the work of a person who leaves', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const post = async (path: string, body: unknown, headers = director) => {
    const res = await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return { status: res.status, body: answer };
  };
  const get = async (path: string, headers = director) => {
    const res = await fetch(`${s.baseUrl}${path}`, { headers });
    return { status: res.status, body: await json(res) };
  };
  const ivanova = { personId: 'ivanova.mp', role: 'teacher', name: 'Иванова Мария Петровна' };

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    process.env.RATE_LIMIT_PER_MINUTE = '100000';
    s = await startServices();
    await putDistrict(s, 'district-1', ['school-7', 'school-8']);
    director = await loginAs(s, 'director', 'school-7', { id: 'sokolova.director' });
    const form = formOf({ schoolId: 'school-7' }, await staffXlsx(), 'staff.xlsx');
    const preview = await json(
      await fetch(`${s.baseUrl}/staff/imports`, { method: 'POST', headers: director, body: form }),
    );
    const approved = await json(
      await fetch(`${s.baseUrl}/staff/imports/${preview.importId}/approval`, {
        method: 'POST',
        headers: director,
      }),
    );
    expect(approved.registered).toBe(39);

    const scheduled = await post('/procedures', {
      id: 'p-adaptation-1a',
      schoolId: 'school-7',
      academicYear: YEAR,
      title: 'Мониторинг адаптации первоклассников, 1А',
      direction: 'process',
      responsible: ivanova,
      window: { from: today, to: yearEnd },
      timeZone: TZ,
    });
    expect(scheduled.status).toBe(201);
    // A procedure whose decisions were adopted on it, as before decisions were records of their own: one is hers.
    const old = await post('/procedures', {
      id: 'p-reading-2b',
      schoolId: 'school-7',
      academicYear: YEAR,
      title: 'Мониторинг техники чтения, 2Б',
      direction: 'results',
      responsible: { role: 'deputy', name: 'Виноградова В. А.' },
      window: { from: today, to: yearEnd },
      timeZone: TZ,
    });
    expect(old.status).toBe(201);
    for (const [step, body] of [
      [
        'performed',
        { performedOn: today, performedBy: { name: 'Виноградова В. А.' }, collected: ['Протоколы'] },
      ],
      ['analysis', { analysedOn: today, document: { title: 'Справка' }, findings: ['Темп ниже нормы'] }],
      ['discussion', { meeting: { level: 'methodical-council', heldOn: today, protocolNumber: '2' } }],
      [
        'decisions',
        {
          decisions: [
            {
              decisionId: 'd-tempo',
              wording: 'Ежедневные пятиминутки чтения во 2Б',
              deadline: yearEnd,
              responsible: ivanova,
            },
            {
              decisionId: 'd-library',
              wording: 'Подобрать книги для внеклассного чтения',
              deadline: yearEnd,
              responsible: { role: 'librarian', name: 'Библиотекарь' },
            },
          ],
        },
      ],
    ] as const) {
      expect({ step, status: (await post(`/procedures/p-reading-2b/${step}`, body)).status }).toEqual({
        step,
        status: 200,
      });
    }
    for (const [id, lead, coExecutors, deadline] of [
      ['d-reading-1a', ivanova, [], { asWritten: 'В течение года' }],
      ['d-parents', { role: 'deputy', name: 'Виноградова В. А.' }, [ivanova], { asWritten: 'до конца года' }],
    ] as const) {
      const adopted = await post('/decisions/by-order', {
        id,
        number: 1,
        wording:
          id === 'd-reading-1a'
            ? 'Организовать занятия по технике чтения в 1А'
            : 'Провести собрание родителей',
        executors: { lead, coExecutors },
        deadline,
        order: { number: `${id}-1`, date: today },
        academicYear: YEAR,
        timeZone: TZ,
      });
      expect(adopted.status).toBe(201);
    }
  }, 180_000);
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
    delete process.env.RATE_LIMIT_PER_MINUTE;
  });

  const openWork = async (personId: string) => {
    await get(`/procedures/p-adaptation-1a?waitForPosition=${head}`);
    return get(`/people/${personId}/open-work`);
  };

  it('lists what she still answers for: the procedure, the decisions she leads or helps with, the check-ins ahead', async () => {
    const { status, body } = await openWork('ivanova.mp');
    expect(status).toBe(200);
    expect(body.procedures).toEqual([
      expect.objectContaining({ procedureId: 'p-adaptation-1a', stage: 'scheduled' }),
    ]);
    expect((body.decisions as JsonBody[]).map((d) => [d.decisionId, d.as, d.procedureId]).sort()).toEqual([
      ['d-parents', 'co-executor', undefined],
      ['d-reading-1a', 'lead', undefined],
      ['d-tempo', 'lead', 'p-reading-2b'],
    ]);
    expect((body.checkIns as JsonBody[]).every((c) => c.decisionId === 'd-reading-1a')).toBe(true);
  });

  it('hands everything to a colleague in one step, each a reassignment with the reason; nothing is left', async () => {
    const reason = 'Иванова М. П. уволилась (приказ № 45-к)';
    const res = await post(
      '/people/ivanova.mp/handover',
      { to: 'petrova.lv', reason },
      {
        ...director,
        'X-Correlation-Id': 'handover-ivanova',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      procedures: [{ procedureId: 'p-adaptation-1a', eventTypes: ['ProcedureReassigned'] }],
      failed: [],
    });
    expect(res.body.decisions).toHaveLength(3);
    expect(res.body.decisions).toContainEqual({
      decisionId: 'd-tempo',
      procedureId: 'p-reading-2b',
      eventTypes: ['ProcedureDecisionReassigned'],
    });
    const procedure = await s.store.readStream('procedure-p-adaptation-1a');
    expect(procedure.at(-1)).toMatchObject({
      type: 'ProcedureReassigned',
      data: {
        previous: ivanova,
        responsible: { personId: 'petrova.lv', role: 'teacher', name: 'Петрова Людмила Викторовна' },
        reason,
      },
      metadata: { actor: { id: 'sokolova.director' }, correlationId: 'handover-ivanova' },
    });
    const reading = await s.store.readStream('decision-d-reading-1a');
    expect(reading.at(-1)).toMatchObject({
      type: 'DecisionReassigned',
      data: { executors: { lead: { personId: 'petrova.lv' } }, reason },
    });
    const parents = await s.store.readStream('decision-d-parents');
    expect(parents.at(-1)).toMatchObject({
      data: { executors: { lead: { role: 'deputy' }, coExecutors: [{ personId: 'petrova.lv' }] } },
    });
    const kept = await s.store.readStream('procedure-p-reading-2b');
    expect(kept.at(-1)).toMatchObject({
      type: 'ProcedureDecisionReassigned',
      data: {
        decisionId: 'd-tempo',
        previous: ivanova,
        responsible: { personId: 'petrova.lv', role: 'teacher', name: 'Петрова Людмила Викторовна' },
        reason,
      },
      metadata: { actor: { id: 'sokolova.director' }, correlationId: 'handover-ivanova' },
    });
    // The other decision on that procedure is not hers and stays where it was.
    expect(kept.filter((e) => e.type === 'ProcedureDecisionReassigned')).toHaveLength(1);
    head = Math.max(
      head,
      procedure.at(-1)!.position,
      reading.at(-1)!.position,
      parents.at(-1)!.position,
      kept.at(-1)!.position,
    );
    await get(`/procedures/p-adaptation-1a?waitForPosition=${head}`);
    const left = await get('/people/ivanova.mp/open-work');
    expect(left.body).toMatchObject({ procedures: [], decisions: [], checkIns: [] });
    const taken = await get('/people/petrova.lv/open-work');
    expect(taken.body.procedures).toHaveLength(1);
    expect(taken.body.decisions).toHaveLength(3);
    const decision = await get(`/decisions?procedureId=p-reading-2b&waitForPosition=${head}`);
    expect((decision.body.items as JsonBody[]).map((d) => [d.decisionId, d.responsibleKey]).sort()).toEqual([
      ['d-library', 'librarian'],
      ['d-tempo', 'petrova.lv'],
    ]);
    const record = await get(`/audit?decision=d-reading-1a&waitForPosition=${head}`);
    expect((record.body.items as JsonBody[]).map((e) => e.type)).toEqual([
      'DecisionAdopted',
      'DecisionReassigned',
    ]);
    expect((record.body.items as JsonBody[])[1]).toMatchObject({
      actor: { id: 'sokolova.director' },
      summary: `Решение d-reading-1a передано: Иванова Мария Петровна → Петрова Людмила Викторовна (${reason})`,
    });
    const audit = await get(`/audit?procedureId=p-reading-2b&waitForPosition=${head}`);
    expect((audit.body.items as JsonBody[]).at(-1)).toMatchObject({
      type: 'ProcedureDecisionReassigned',
      summary: `Решение d-tempo передано: Иванова Мария Петровна → Петрова Людмила Викторовна (${reason})`,
    });
  });

  it('a repeated handover records nothing more', async () => {
    const before = await s.store.headPosition();
    const again = await post(
      '/people/ivanova.mp/handover',
      { to: 'petrova.lv', reason: 'Иванова М. П. уволилась (приказ № 45-к)' },
      director,
    );
    expect(again).toMatchObject({ status: 200, body: { procedures: [], decisions: [], failed: [] } });
    expect(await s.store.headPosition()).toBe(before);
  });

  it('is the administration’s act at its own school, to an active colleague of that school', async () => {
    const teacher = await loginAs(s, 'teacher', 'school-7', { id: 'teacher-7' });
    expect(
      (await post('/people/petrova.lv/handover', { to: 'ivanova.mp', reason: 'x' }, teacher)).status,
    ).toBe(403);
    const other = await loginAs(s, 'director', 'school-8', { id: 'director-8' });
    expect((await get('/people/petrova.lv/open-work', other)).status).toBe(404);
    const nobody = await post('/people/petrova.lv/handover', { to: 'nobody.x', reason: 'Перевод' });
    expect(nobody).toMatchObject({ status: 404, body: { code: 'PERSON_NOT_FOUND' } });
    const self = await post('/people/petrova.lv/handover', { to: 'petrova.lv', reason: 'Перевод' });
    expect(self).toMatchObject({ status: 400, body: { code: 'HANDOVER_TO_SELF' } });
  });
});
