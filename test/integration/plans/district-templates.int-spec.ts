import { randomUUID } from 'node:crypto';
import { xlsxOf } from '../../fixtures/plans/build-files';
import type { Table } from '../../fixtures/plans/seed-tables';
import { nextAcademicYear } from '../../fixtures/plans/years';
import { login, putAccount, putDistrict } from '../auth/accounts';
import { json, startServices, type JsonBody, type Services } from '../harness';

const YEAR = nextAcademicYear().year;
const HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'];
const DEPUTY = 'Заместитель директора по УВР';
const row = (n: string, title: string, month: string) => [n, title, month, DEPUTY, 'Аналитическая справка'];

const VERSION_1: Table = [
  HEADER,
  row('1', 'ВПР по математике, 4 класс', 'апрель'),
  row('2', 'ВПР по русскому языку, 4 класс', 'апрель'),
  row('3', 'Анализ результатов ВПР', 'май'),
];
/** Mathematics moved to May, history added. */
const VERSION_2: Table = [
  HEADER,
  row('1', 'ВПР по математике, 4 класс', 'май'),
  row('2', 'ВПР по русскому языку, 4 класс', 'апрель'),
  row('3', 'Анализ результатов ВПР', 'май'),
  row('4', 'ВПР по истории, 5 класс', 'март'),
];

describe("a district's plan templates and who adopted them (read model + API, real stack)", () => {
  let s: Services;
  const tag = randomUUID().slice(0, 8);
  const districtId = `district-${tag}`;
  const otherDistrict = `other-${tag}`;
  const [first, second, third] = ['a', 'b', 'c'].map((x) => `school-${x}-${tag}`);
  const elsewhere = `school-z-${tag}`;
  const templateId = `vpr-${tag}`;
  const otherTemplate = `conditions-${tag}`;
  const who: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    s = await startServices();
    await putDistrict(s, districtId, [first, second, third], {
      district: 'Заречный район',
      schools: { [first]: 'МБОУ «СОШ № 1»', [second]: 'МБОУ «СОШ № 2»', [third]: 'МБОУ «СОШ № 3»' },
    });
    await putDistrict(s, otherDistrict, [elsewhere]);
    const accounts: Array<[string, 'inspector' | 'district-admin' | 'director', string, string]> = [
      ['inspector', 'inspector', districtId, 'Орлова Наталья Викторовна'],
      ['admin', 'district-admin', districtId, 'Белова Ирина Сергеевна'],
      ['director1', 'director', first, 'Иванова Анна Петровна'],
      ['director2', 'director', second, 'Петрова Ольга Ивановна'],
      ['otherInspector', 'inspector', otherDistrict, 'Сидоров Павел Андреевич'],
    ];
    for (const [key, role, scope, name] of accounts) {
      await putAccount(s, { login: `${key.toLowerCase()}-${tag}`, role, scope, name });
      who[key] = await login(s.baseUrl, `${key.toLowerCase()}-${tag}`);
    }
    // The stack's start and two plan approvals through their workflows on a machine shared by many runs.
  }, 300_000);
  afterAll(async () => {
    await s?.stop();
  });

  const publish = async (
    headers: Record<string, string>,
    table: Table,
    ids = { districtId, templateId, title: 'Мониторинг ВПР' },
  ) => {
    const form = new FormData();
    form.append('file', new Blob([await xlsxOf(table)]), 'vpr.xlsx');
    form.append('districtId', ids.districtId);
    form.append('templateId', ids.templateId);
    form.append('title', ids.title);
    form.append('academicYear', YEAR);
    const res = await fetch(`${s.baseUrl}/plans/templates`, { method: 'POST', headers, body: form });
    return { status: res.status, body: await json(res) };
  };
  const post = async (headers: Record<string, string>, route: string, body: JsonBody) => {
    const res = await fetch(`${s.baseUrl}${route}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await json(res) };
  };
  const adopt = async (headers: Record<string, string>, schoolId: string, rows?: string[]) => {
    const preview = await post(headers, `/plans/templates/${templateId}/adopt`, {
      schoolId,
      ...(rows ? { rows } : {}),
    });
    expect(preview.status).toBe(200);
    const approved = await post(headers, `/plans/imports/${preview.body.importId}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ recorded: true, failed: [] });
    return approved.body;
  };
  const get = async (path: string, headers: Record<string, string>) => {
    const head = await s.store.headPosition();
    const sep = path.includes('?') ? '&' : '?';
    const res = await fetch(`${s.baseUrl}${path}${sep}waitForPosition=${head}&timeoutMs=30000`, { headers });
    return { status: res.status, body: await json(res) };
  };
  const occurredAt = async (stream: string, type: string, nth = 0) =>
    (await s.store.readStream(stream)).filter((e) => e.type === type)[nth].metadata.occurredAt;

  it('lists the templates, their versions, and which schools stand at which version since when', async () => {
    const v1 = await publish(who.admin, VERSION_1);
    expect(v1).toMatchObject({ status: 200, body: { recorded: true, version: 1 } });
    const [math, , analysis] = v1.body.rows as JsonBody[];

    const all = await adopt(who.director1, first);
    await adopt(who.director2, second, [math.rowKey, analysis.rowKey]);
    const v2 = await publish(who.inspector, VERSION_2);
    expect(v2).toMatchObject({ status: 200, body: { recorded: true, version: 2 } });
    const accepted = await post(who.director1, `/plans/templates/${templateId}/accept`, { schoolId: first });
    expect(accepted).toMatchObject({ status: 200, body: { recorded: true, version: 2 } });

    const list = await get(`/districts/${districtId}/plan-templates`, who.inspector);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ districtId, name: 'Заречный район', schools: 3 });
    const stream = `template-${districtId}-${templateId}`;
    expect(list.body.templates).toEqual([
      {
        templateId,
        title: 'Мониторинг ВПР',
        academicYear: YEAR,
        version: 2,
        rows: 4,
        publishedAt: await occurredAt(stream, 'TemplatePublished'),
        publishedBy: { id: `admin-${tag}`, name: 'Белова Ирина Сергеевна' },
        updatedAt: await occurredAt(stream, 'TemplateRevised'),
        adoption: {
          schools: 3,
          latest: 1,
          older: 1,
          notAdopted: 1,
          byVersion: [
            { version: 1, schools: 1 },
            { version: 2, schools: 1 },
          ],
        },
      },
    ]);
    const otherYear = await get(`/districts/${districtId}/plan-templates?academicYear=2001/02`, who.admin);
    expect(otherYear.body.templates).toEqual([]);

    const one = await get(`/districts/${districtId}/plan-templates/${templateId}`, who.admin);
    expect(one.status).toBe(200);
    expect(one.body.versions).toEqual([
      expect.objectContaining({
        version: 1,
        rows: 3,
        by: { id: `admin-${tag}`, name: 'Белова Ирина Сергеевна' },
      }),
      expect.objectContaining({
        version: 2,
        rows: 4,
        by: { id: `inspector-${tag}`, name: 'Орлова Наталья Викторовна' },
        changes: { added: 1, rescheduled: 1, cancelled: 0, amended: 0, unchanged: 2 },
      }),
    ]);
    const firstPlan = all.planStream as string;
    expect(one.body.adopted).toEqual([
      {
        schoolId: first,
        name: 'МБОУ «СОШ № 1»',
        version: 2,
        rows: 4,
        onLatest: true,
        adoptedAt: await occurredAt(firstPlan, 'PlanApproved', 1),
        adoptedBy: { id: `director1-${tag}`, name: 'Иванова Анна Петровна' },
        firstAdoptedAt: await occurredAt(firstPlan, 'PlanApproved', 0),
        timeZone: 'Europe/Moscow',
        position: expect.any(Number),
      },
      expect.objectContaining({
        schoolId: second,
        name: 'МБОУ «СОШ № 2»',
        version: 1,
        rows: 2,
        onLatest: false,
      }),
    ]);
    expect(one.body.notAdopted).toEqual([{ schoolId: third, name: 'МБОУ «СОШ № 3»' }]);
    expect(one.body.adoption).toMatchObject({ latest: 1, older: 1, notAdopted: 1 });
  });

  it("answers another district's inspector like an unknown district, and a school's director not at all", async () => {
    expect(
      await publish(who.otherInspector, VERSION_1, {
        districtId: otherDistrict,
        templateId: otherTemplate,
        title: 'Оценка условий',
      }),
    ).toMatchObject({ status: 200, body: { recorded: true } });

    const foreign = await get(`/districts/${districtId}/plan-templates`, who.otherInspector);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'DISTRICT_NOT_FOUND' } });
    const unknown = await get(`/districts/no-such-${tag}/plan-templates`, who.otherInspector);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'DISTRICT_NOT_FOUND' } });
    expect(
      await get(`/districts/${districtId}/plan-templates/${templateId}`, who.otherInspector),
    ).toMatchObject({
      status: 404,
      body: { code: 'DISTRICT_NOT_FOUND' },
    });
    // Another district's template named under one's own district is not there, like one never published.
    const crossed = await get(`/districts/${districtId}/plan-templates/${otherTemplate}`, who.inspector);
    expect(crossed).toMatchObject({ status: 404, body: { code: 'TEMPLATE_NOT_FOUND' } });
    const never = await get(`/districts/${districtId}/plan-templates/never-${tag}`, who.inspector);
    expect(never).toMatchObject({ status: 404, body: { code: 'TEMPLATE_NOT_FOUND' } });
    const own = await get(`/districts/${otherDistrict}/plan-templates`, who.otherInspector);
    expect(own.body.templates.map((t: JsonBody) => t.templateId)).toEqual([otherTemplate]);

    const director = await get(`/districts/${districtId}/plan-templates`, who.director1);
    expect(director).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
    expect(await get(`/districts/${districtId}/plan-templates/bad%20id`, who.inspector)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_ID' },
    });
    // A director publishes nothing for the district; its administrator may.
    expect((await publish(who.director1, VERSION_1)).status).toBe(403);
  });
});
