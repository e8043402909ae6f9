import { importIdOf } from '@vsoko/plan-import';
import { randomUUID } from 'node:crypto';
import { xlsxOf } from '../../fixtures/plans/build-files';
import { nextAcademicYear } from '../../fixtures/plans/years';
import type { Table } from '../../fixtures/plans/seed-tables';
import { login, putAccount, putDistrict } from '../auth/accounts';
import { json, startServices, type JsonBody, type Services } from '../harness';

const NEXT = nextAcademicYear();
const YEAR = NEXT.year;
const HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'];
const DEPUTY = 'Заместитель директора по УВР';
const row = (n: string, title: string, month: string) => [n, title, month, DEPUTY, 'Аналитическая справка'];
const PLAN: Table = [
  HEADER,
  row('1', 'Мониторинг адаптации первоклассников', 'октябрь'),
  row('2', 'Анкетирование родителей', 'ноябрь'),
  row('3', 'Анализ результатов полугодия', 'январь'),
];
/** The same plan with the parents' survey deleted: approving it cancels that procedure. */
const REVISED: Table = [PLAN[0], PLAN[1], PLAN[3]];

/**
 * Finding 1 of the hardening issue: a director of school B must not preview into, approve for, or adopt a
 * template into school A — whatever the multipart body or a stored preview names — and a preview's id must not
 * be computable from its file.
 */
describe('a plan belongs to its school: previews, approvals and adoptions of another school are refused', () => {
  let s: Services;
  const tag = randomUUID().slice(0, 8);
  const districtId = `district-${tag}`;
  const schoolA = `school-a-${tag}`;
  const schoolB = `school-b-${tag}`;
  const templateId = `vpr-${tag}`;
  let directorA: Record<string, string>;
  let directorB: Record<string, string>;
  let inspector: Record<string, string>;

  beforeAll(async () => {
    s = await startServices({ projector: false });
    await putDistrict(s, districtId, [schoolA, schoolB]);
    await putAccount(s, {
      login: `inspector-${tag}`,
      name: 'Инспектор',
      role: 'inspector',
      scope: districtId,
    });
    inspector = await login(s.baseUrl, `inspector-${tag}`);
    directorA = await s.loginAs('director', schoolA, { id: `director-a-${tag}` });
    directorB = await s.loginAs('director', schoolB, { id: `director-b-${tag}` });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const upload = async (bytes: Buffer, schoolId: string, headers: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'plan.xlsx');
    form.append('schoolId', schoolId);
    form.append('academicYear', YEAR);
    const res = await fetch(`${s.baseUrl}/plans/import`, { method: 'POST', headers, body: form });
    return { status: res.status, body: await json(res) };
  };
  const post = async (route: string, headers: Record<string, string>, body: JsonBody = {}) => {
    const res = await fetch(`${s.baseUrl}${route}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await json(res) };
  };
  const storedPreviews = () => s.db.collection('plan_imports').countDocuments();
  const types = async (procedureId: string) =>
    (await s.store.readStream(`procedure-${procedureId}`)).map((e) => e.type);

  it('refuses a multipart preview naming another school, and stores nothing', async () => {
    const before = await storedPreviews();
    const foreign = await upload(await xlsxOf(PLAN), schoolA, directorB);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 'SCHOOL_MISMATCH' });
    expect(await storedPreviews()).toBe(before);
  });

  it('refuses approving another school’s revision that would cancel its procedures, and cancels nothing', async () => {
    const first = await upload(await xlsxOf(PLAN), schoolA, directorA);
    expect(first.status).toBe(200);
    const approved = await post(`/plans/imports/${first.body.importId}/approve`, directorA);
    expect(approved.body).toMatchObject({ recorded: true, failed: [] });
    const planStream = approved.body.planStream as string;

    const revision = await upload(await xlsxOf(REVISED), schoolA, directorA);
    expect(revision.body.changes.cancelled).toHaveLength(1);
    const doomed = revision.body.changes.cancelled[0].procedureId as string;

    const stolen = await post(`/plans/imports/${revision.body.importId}/approve`, directorB);
    expect(stolen.status).toBe(404);
    expect(stolen.body).toMatchObject({ code: 'PLAN_IMPORT_NOT_FOUND' });
    expect(await s.store.readStream(planStream)).toHaveLength(2);
    expect(await types(doomed)).toEqual(['ProcedureScheduled']);

    // The school's own director still approves it.
    const own = await post(`/plans/imports/${revision.body.importId}/approve`, directorA);
    expect(own.body).toMatchObject({ recorded: true, cancelled: [doomed], failed: [] });
    expect(await types(doomed)).toEqual(['ProcedureScheduled', 'ProcedureCancelled']);
    const events = await s.store.readStream(planStream);
    expect(events[3].metadata).toMatchObject({ actor: { id: `director-a-${tag}` }, schoolId: schoolA });
  });

  it('names a preview by an id nobody can compute from the file, and finds it again on re-upload', async () => {
    const bytes = await xlsxOf(PLAN);
    const first = await upload(bytes, schoolA, directorA);
    expect(first.body.importId).toMatch(/^imp-[0-9a-f]{24}$/);
    expect(first.body.importId).not.toBe(importIdOf(schoolA, YEAR, bytes));
    expect((await upload(bytes, schoolA, directorA)).body.importId).toBe(first.body.importId);
  });

  it('refuses adopting a district template into, or reading its difference for, another school', async () => {
    const form = new FormData();
    form.append('file', new Blob([await xlsxOf(PLAN)]), 'template.xlsx');
    form.append('districtId', districtId);
    form.append('templateId', templateId);
    form.append('title', 'Мониторинг района');
    form.append('academicYear', YEAR);
    const published = await fetch(`${s.baseUrl}/plans/templates`, {
      method: 'POST',
      headers: inspector,
      body: form,
    });
    expect(published.status).toBe(200);
    const before = await storedPreviews();

    const adopt = await post(`/plans/templates/${templateId}/adopt`, directorB, { schoolId: schoolA });
    expect(adopt.status).toBe(403);
    const accept = await post(`/plans/templates/${templateId}/accept`, directorB, { schoolId: schoolA });
    expect(accept.status).toBe(403);
    const pending = await fetch(`${s.baseUrl}/plans/templates/${templateId}/pending?schoolId=${schoolA}`, {
      headers: directorB,
    });
    expect([403, 404]).toContain(pending.status);
    expect(await storedPreviews()).toBe(before);

    // School A's own adoption, then school B tries to approve it by its id.
    const own = await post(`/plans/templates/${templateId}/adopt`, directorA, { schoolId: schoolA });
    expect(own.status).toBe(200);
    const stolen = await post(`/plans/imports/${own.body.importId}/approve`, directorB);
    expect(stolen).toMatchObject({ status: 404, body: { code: 'PLAN_IMPORT_NOT_FOUND' } });
    const procedureId = (own.body.rows as JsonBody[])[0].procedureId as string;
    expect(await types(procedureId)).toEqual([]);
  });
});

/**
 * A person id names an account: a decision's executors, a meeting's chair and participants, a procedure's
 * performer must work (or have worked) at the caller's school. Another school's teacher answers exactly like an
 * id nobody holds, and nothing is recorded — or she would see the decision as her work and upload evidence to it.
 */
describe('the people a decision or a meeting names belong to the school', () => {
  let s: Services;
  const tag = randomUUID().slice(0, 8);
  const schoolA = `school-pa-${tag}`;
  const schoolB = `school-pb-${tag}`;
  const TZ = 'Europe/Moscow';
  const own = { personId: `teacher-a-${tag}`, name: 'Иванова М. П.' };
  const foreign = { personId: `teacher-b-${tag}`, name: 'Петрова Л. В.' };
  const unknown = { personId: `nobody-${tag}`, name: 'Сидорова Е. Н.' };
  let director: Record<string, string>;

  beforeAll(async () => {
    s = await startServices({ projector: false });
    await putDistrict(s, `district-p-${tag}`, [schoolA, schoolB]);
    director = await s.loginAs('director', schoolA, { id: `director-pa-${tag}` });
    await s.loginAs('teacher', schoolA, { id: own.personId, name: own.name });
    await s.loginAs('teacher', schoolB, { id: foreign.personId, name: foreign.name });
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
  });

  const post = async (route: string, body: JsonBody) => {
    const res = await fetch(`${s.baseUrl}${route}`, {
      method: 'POST',
      headers: { ...director, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await json(res) };
  };
  // In people's names: a decision due in 2023 is marked missed by its workflow, at a moment no test chooses.
  const length = async (stream: string) =>
    (await s.store.readStream(stream)).filter((e) => e.metadata.actor.kind !== 'system').length;
  /** Another school's person and an unknown id: the same 404 with the same code, and the stream unchanged. */
  const refusedAlike = async (
    stream: string,
    call: (person: JsonBody) => Promise<{ status: number; body: JsonBody }>,
  ) => {
    const before = await length(stream);
    for (const person of [foreign, unknown]) {
      const answer = await call(person);
      expect(answer).toMatchObject({
        status: 404,
        body: { code: 'PERSON_NOT_FOUND', message: `Сотрудник ${person.personId} не найден` },
      });
    }
    expect(await length(stream)).toBe(before);
  };
  const byOrder = (id: string, executors: JsonBody) => ({
    id,
    number: 1,
    wording: 'Провести консультации для родителей пятиклассников',
    executors,
    deadline: { asWritten: 'до 20.12.2023' },
    order: { number: `12-о-${id}`, date: '2023-10-02' },
    academicYear: '2023/24',
    timeZone: TZ,
  });

  it('refuses a decision whose lead or co-executor is another school’s person, as for an unknown id', async () => {
    const id = `dec-lead-${tag}`;
    await refusedAlike(`decision-${id}`, (person) =>
      post('/decisions/by-order', byOrder(id, { lead: person })),
    );
    await refusedAlike(`decision-${id}`, (person) =>
      post('/decisions/by-order', byOrder(id, { lead: own, coExecutors: [person] })),
    );
    expect(await post('/decisions/by-order', byOrder(id, { lead: own }))).toMatchObject({ status: 201 });
  });

  it('refuses reassigning a decision to another school’s person, and the decision keeps its executor', async () => {
    const id = `dec-reassign-${tag}`;
    expect((await post('/decisions/by-order', byOrder(id, { lead: own }))).status).toBe(201);
    await refusedAlike(`decision-${id}`, (person) =>
      post(`/decisions/${id}/reassignment`, { executors: { lead: person }, reason: 'В отпуске' }),
    );
    const decision = await fetch(`${s.baseUrl}/decisions/${id}`, { headers: director });
    expect(await json(decision)).toMatchObject({ executors: { lead: own } });
  });

  it('refuses a meeting chaired or attended by another school’s person, planned or held', async () => {
    const meetingId = `meeting-${tag}`;
    const plan = (chair?: JsonBody) =>
      post('/meetings', {
        id: meetingId,
        academicYear: '2023/24',
        level: 'pedagogical-council',
        date: { precision: 'day', date: '2023-10-02' },
        timeZone: TZ,
        agenda: [{ itemId: 'item-1', title: 'Итоги стартовой диагностики' }],
        ...(chair ? { chair } : {}),
      });
    await refusedAlike(`meeting-${meetingId}`, (person) => plan(person));
    expect((await plan(own)).status).toBe(201);
    await refusedAlike(`meeting-${meetingId}`, (person) =>
      post(`/meetings/${meetingId}/held`, { participants: [own, person] }),
    );
    await refusedAlike(`meeting-${meetingId}`, (person) =>
      post(`/meetings/${meetingId}/held`, { secretary: person }),
    );
    expect(await post(`/meetings/${meetingId}/held`, { participants: [own] })).toMatchObject({ status: 200 });
  });

  it('refuses scheduling a procedure whose responsible is another school’s person, as for an unknown id', async () => {
    const procedureId = `proc-resp-${tag}`;
    const schedule = (responsible: JsonBody) =>
      post('/procedures', {
        id: procedureId,
        schoolId: schoolA,
        academicYear: '2023/24',
        title: 'Стартовая диагностика пятиклассников',
        direction: 'results',
        responsible,
        window: { from: '2023-09-01', to: '2023-09-30' },
        timeZone: TZ,
      });
    await refusedAlike(`procedure-${procedureId}`, (person) => schedule({ role: 'teacher', ...person }));
    expect(await schedule({ role: 'teacher', ...own })).toMatchObject({ status: 201 });
  });

  it('refuses the director a personal calendar link for another school’s person, and stores no token', async () => {
    const tokens = () => s.db.collection('calendar_feed_tokens').countDocuments();
    const before = await tokens();
    for (const person of [foreign, unknown]) {
      expect(await post(`/calendar/people/${person.personId}/tokens`, { schoolId: schoolA })).toMatchObject({
        status: 404,
        body: { code: 'PERSON_NOT_FOUND', message: `Сотрудник ${person.personId} не найден` },
      });
    }
    expect(await tokens()).toBe(before);
    expect(await post(`/calendar/people/${own.personId}/tokens`, { schoolId: schoolA })).toMatchObject({
      status: 201,
    });
  });

  it('refuses a procedure performed by another school’s person', async () => {
    const procedureId = `proc-${tag}`;
    const scheduled = await post('/procedures', {
      id: procedureId,
      schoolId: schoolA,
      academicYear: '2023/24',
      title: 'Стартовая диагностика пятиклассников',
      direction: 'results',
      responsible: { role: 'deputy', name: 'Зам.директора по УВР' },
      window: { from: '2023-09-01', to: '2023-09-30' },
      timeZone: TZ,
    });
    expect(scheduled.status).toBe(201);
    await refusedAlike(`procedure-${procedureId}`, (person) =>
      post(`/procedures/${procedureId}/performed`, {
        performedOn: '2023-09-20',
        performedBy: person,
        collected: ['Работы учащихся'],
      }),
    );
  });
});
