import { randomUUID } from 'node:crypto';
import { xlsxOf } from '../../fixtures/plans/build-files';
import type { Table } from '../../fixtures/plans/seed-tables';
import { nextAcademicYear } from '../../fixtures/plans/years';
import { login, putAccount, putDistrict } from '../auth/accounts';
import { json, startServices, type JsonBody, type Services } from '../harness';

const NEXT = nextAcademicYear();
const YEAR = NEXT.year;
const HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'];
const DEPUTY = 'Заместитель директора по УВР';
const row = (n: string, title: string, month: string) => [n, title, month, DEPUTY, 'Аналитическая справка'];

const VERSION_1: Table = [
  HEADER,
  row('1', 'ВПР по математике, 4 класс', 'апрель'),
  row('2', 'ВПР по русскому языку, 4 класс', 'апрель'),
  row('3', 'ВПР по окружающему миру, 4 класс', 'апрель'),
  row('4', 'Анализ результатов ВПР', 'май'),
];
/** Mathematics moved to May, Russian removed, history added; the rest as it was. */
const VERSION_2: Table = [
  HEADER,
  row('1', 'ВПР по математике, 4 класс', 'май'),
  row('2', 'ВПР по окружающему миру, 4 класс', 'апрель'),
  row('3', 'Анализ результатов ВПР', 'май'),
  row('4', 'ВПР по истории, 5 класс', 'март'),
];

describe('district plan templates (publish → adopt a subset → revise → pending difference → accept)', () => {
  let s: Services;
  const tag = randomUUID().slice(0, 8);
  const districtId = `district-${tag}`;
  const schoolId = `school-${tag}`;
  const templateId = `vpr-${tag}`;
  let inspector: Record<string, string>;
  let director: Record<string, string>;

  beforeAll(async () => {
    s = await startServices({ projector: false });
    await putDistrict(s, districtId, [schoolId]);
    await putAccount(s, {
      login: `inspector-${tag}`,
      name: 'Инспектор',
      role: 'inspector',
      scope: districtId,
    });
    await putAccount(s, { login: `director-${tag}`, name: 'Директор', role: 'director', scope: schoolId });
    inspector = await login(s.baseUrl, `inspector-${tag}`);
    director = await login(s.baseUrl, `director-${tag}`);
  });
  afterAll(async () => {
    await s?.stop();
  });

  const publish = async (table: Table, headers = inspector) => {
    const form = new FormData();
    form.append('file', new Blob([await xlsxOf(table)]), 'vpr.xlsx');
    form.append('districtId', districtId);
    form.append('templateId', templateId);
    form.append('title', 'Мониторинг ВПР');
    form.append('academicYear', YEAR);
    const res = await fetch(`${s.baseUrl}/plans/templates`, { method: 'POST', headers, body: form });
    return { status: res.status, body: await json(res) };
  };
  const post = async (route: string, body: JsonBody, headers = director) => {
    const res = await fetch(`${s.baseUrl}${route}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await json(res) };
  };
  const pending = async () => {
    const res = await fetch(`${s.baseUrl}/plans/templates/${templateId}/pending?schoolId=${schoolId}`, {
      headers: director,
    });
    return { status: res.status, body: await json(res) };
  };
  const types = async (procedureId: string) =>
    (await s.store.readStream(`procedure-${procedureId}`)).map((e) => e.type);

  it('schedules the chosen rows, shows a revision as a difference, and applies it when accepted', async () => {
    const v1 = await publish(VERSION_1);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ recorded: true, version: 1, event: 'TemplatePublished' });
    const [math, russian, world, analysis] = v1.body.rows as JsonBody[];
    expect(world.title).toBe('ВПР по окружающему миру, 4 класс');
    const templateEvents = await s.store.readStream(`template-${districtId}-${templateId}`);
    expect(templateEvents.map((e) => [e.type, (e.data as JsonBody).version])).toEqual([
      ['TemplatePublished', 1],
    ]);
    expect(templateEvents[0].metadata).toMatchObject({ actor: { id: `inspector-${tag}` }, districtId });
    expect((await publish(VERSION_1)).body).toMatchObject({ recorded: false, version: 1 });

    // The school takes three of the four rows: a preview, then the plan import's own approval.
    const chosen = [math, russian, analysis].map((r) => r.rowKey as string);
    const adopted = await post(`/plans/templates/${templateId}/adopt`, { schoolId, rows: chosen });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ version: 1, pending: true, academicYear: YEAR });
    expect(adopted.body.changes.added).toHaveLength(3);
    expect(adopted.body.notAdopted.map((r: JsonBody) => r.rowKey)).toEqual([world.rowKey]);
    const idOf = (rowKey: string) =>
      (adopted.body.rows as JsonBody[]).find((p) => p.rowKey === rowKey)?.procedureId as string;
    const [mathId, russianId, analysisId] = chosen.map(idOf);

    const approved = await post(`/plans/imports/${adopted.body.importId}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ recorded: true, failed: [] });
    expect(approved.body.scheduled.sort()).toEqual([mathId, russianId, analysisId].sort());
    const planStream = approved.body.planStream as string;
    const planEvents = await s.store.readStream(planStream);
    expect(planEvents.map((e) => e.type)).toEqual(['PlanImported', 'PlanApproved']);
    expect(planEvents[0].data).toMatchObject({ templateId, templateVersion: 1, procedures: 3 });
    expect(planEvents[1].metadata).toMatchObject({ actor: { id: `director-${tag}` }, schoolId });
    expect((await s.store.readStream(`procedure-${mathId}`))[0]).toMatchObject({
      type: 'ProcedureScheduled',
      data: {
        schoolId,
        window: { from: `${NEXT.end}-04-01`, to: `${NEXT.end}-04-30` },
        responsible: { role: 'deputy' },
      },
    });

    // Adopting the same rows again adds nothing.
    const again = await post(`/plans/templates/${templateId}/adopt`, { schoolId, rows: chosen });
    expect(again.body).toMatchObject({ pending: false, importId: adopted.body.importId });
    const reapproved = await post(`/plans/imports/${again.body.importId}/approve`, {});
    expect(reapproved.body).toMatchObject({ recorded: false, scheduled: [], failed: [] });
    expect(await s.store.readStream(planStream)).toHaveLength(2);

    // The district revises the template: mathematics moved, Russian removed, history added.
    const v2 = await publish(VERSION_2);
    expect(v2.body).toMatchObject({ recorded: true, version: 2, event: 'TemplateRevised' });
    const history = (v2.body.rows as JsonBody[]).find((r) => r.title === 'ВПР по истории, 5 класс')!;

    const shown = await pending();
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ version: 2, previousVersion: 1, pending: true });
    const historyId = (shown.body.rows as JsonBody[]).find((p) => p.rowKey === history.rowKey)!.procedureId;
    expect(shown.body.changes).toEqual({
      added: [historyId],
      rescheduled: [
        {
          procedureId: mathId,
          from: { from: `${NEXT.end}-04-01`, to: `${NEXT.end}-04-30` },
          to: { from: `${NEXT.end}-05-01`, to: `${NEXT.end}-05-31` },
        },
      ],
      cancelled: [
        { procedureId: russianId, reason: 'Строка удалена из шаблона «Мониторинг ВПР» (версия 2)' },
      ],
      amended: [],
      unchanged: 1,
    });
    expect(shown.body.notAdopted.map((r: JsonBody) => r.rowKey)).toEqual([world.rowKey]);

    const accepted = await post(`/plans/templates/${templateId}/accept`, { schoolId });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      recorded: true,
      scheduled: [historyId],
      rescheduled: [mathId],
      cancelled: [russianId],
      failed: [],
    });
    expect(accepted.body.alreadyThere).toEqual([analysisId]);

    expect(await types(mathId)).toEqual(['ProcedureScheduled', 'ProcedureRescheduled']);
    const moved = await s.store.readStream(`procedure-${mathId}`);
    expect(moved[1].data).toMatchObject({
      window: { from: `${NEXT.end}-05-01`, to: `${NEXT.end}-05-31` },
      reason: 'Пересмотр шаблона района «Мониторинг ВПР»: версия 2',
    });
    const cancelled = await s.store.readStream(`procedure-${russianId}`);
    expect(cancelled.at(-1)).toMatchObject({
      type: 'ProcedureCancelled',
      data: { reason: 'Строка удалена из шаблона «Мониторинг ВПР» (версия 2)' },
    });
    expect(await types(historyId)).toEqual(['ProcedureScheduled']);
    expect(await types(analysisId)).toEqual(['ProcedureScheduled']);
    // The row the school never chose stays out of its plan after the revision too.
    expect((accepted.body.rows as JsonBody[]).map((p) => p.rowKey)).not.toContain(world.rowKey);
    const plan = await s.store.readStream(planStream);
    expect(plan.map((e) => e.type)).toEqual(['PlanImported', 'PlanApproved', 'PlanImported', 'PlanApproved']);
    expect(plan[2].data).toMatchObject({ templateId, templateVersion: 2 });

    // Accepting the same revision again adds nothing, and nothing is pending.
    const twice = await post(`/plans/templates/${templateId}/accept`, { schoolId });
    expect(twice.body).toMatchObject({ recorded: false, scheduled: [], rescheduled: [], cancelled: [] });
    expect(await s.store.readStream(planStream)).toHaveLength(4);
    expect((await pending()).body).toMatchObject({ pending: false, version: 2 });
  });

  it('refuses a director publishing (403), a version that does not exist (422), a teacher adopting (403)', async () => {
    expect((await publish(VERSION_1, director)).status).toBe(403);
    const missing = await post(`/plans/templates/${templateId}/adopt`, { schoolId, version: 9 });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'TEMPLATE_VERSION_NOT_FOUND' });
    const teacher = await s.loginAs('teacher', schoolId, { id: `teacher-${tag}` });
    expect((await post(`/plans/templates/${templateId}/adopt`, { schoolId }, teacher)).status).toBe(403);
    const unknown = await post(`/plans/templates/no-such/adopt`, { schoolId });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'TEMPLATE_NOT_FOUND' } });
  });
});
