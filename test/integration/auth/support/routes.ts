import { defaultTemplate } from '@vsoko/documents';
import { russianDefaultCalendar } from '@vsoko/domain';
import { randomUUID } from 'node:crypto';
import { academicYear, scheduleBody, today } from './fixture';

export interface RouteCall {
  route: string;
  method: string;
  path: string;
  body?: unknown;
  /** A multipart upload (a plan or a template file with its fields) instead of a JSON body. */
  form?: FormData;
  /** The request names school-a data (a procedure of school-a, or school-a itself) with a valid body. */
  namesSchoolA: boolean;
}

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the live OpenAPI document, so that a new endpoint is walked without editing this test. */
export async function operations(baseUrl: string): Promise<string[]> {
  const doc = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApi;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** Operations that declare a request body; the others ignore whatever body they are sent. */
export async function operationsWithBody(baseUrl: string): Promise<Set<string>> {
  const doc = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApi;
  return new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m, op]) => METHODS.includes(m) && op.requestBody !== undefined)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    ),
  );
}

/** Operations that take a multipart upload: their bodies are parsed after the guard has run. */
export async function multipartOperations(baseUrl: string): Promise<string[]> {
  const doc = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApi;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m, op]) => METHODS.includes(m) && op.requestBody?.content?.['multipart/form-data'])
      .map(([m]) => `${m.toUpperCase()} ${path}`),
  );
}

/** A small plan of school-a's year as a CSV file: what a real upload looks like. */
export const PLAN_CSV = [
  '№;Мероприятие;Срок;Ответственный;Результат',
  '1;Мониторинг адаптации пятиклассников;май;Заместитель директора по УВР;Аналитическая справка',
].join('\n');

/** Two people of school-a's staff as a Russian Excel CSV. */
export const STAFF_CSV = [
  'ФИО;Должность;Предметы;Классы;E-mail',
  'Иванова Мария Петровна;Учитель начальных классов; классный руководитель;;1А;ivanova@school-a.test',
  'Петров Олег Ильич;Учитель математики;;;petrov@school-a.test',
].join('\n');

/** A school's report of its meetings and decisions (seed 002's shape), one педсовет of school-a's year. */
export const DECISIONS_REPORT_CSV = [
  '№;Уровень;Дата;Формулировка принятого решения;Срок исполнения;Ответственный',
  `1;Педагогический совет;Сентябрь ${academicYear.slice(0, 4)};Провести дополнительные занятия по математике;В течение года;Зам.директора по УВР`,
].join('\n');

const VALID_FORMS: Record<string, () => FormData> = {
  'POST /decisions/imports': () =>
    formOf({ schoolId: 'school-a', academicYear }, DECISIONS_REPORT_CSV, 'otchet.csv'),
  'POST /staff/imports': () => formOf({ schoolId: 'school-a' }, STAFF_CSV, 'staff.csv'),
  'POST /plans/import': () => formOf({ schoolId: 'school-a', academicYear }, PLAN_CSV, 'plan.csv'),
  'POST /plans/templates': () =>
    formOf(
      { districtId: 'district-1', templateId: 'matrix', title: 'Шаблон', academicYear },
      PLAN_CSV,
      'template.csv',
    ),
  // A school's own protocol template: the committed default is one with exactly the right fields.
  'PUT /schools/{schoolId}/document-templates/{kind}': () =>
    formOf({}, defaultTemplate('meeting-protocol'), 'Протокол.docx'),
};

export function formOf(fields: Record<string, string>, file: string | Buffer, fileName: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([file]), fileName);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

export const EMPTY_ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

const VALID_BODIES: Record<string, () => unknown> = {
  'POST /procedures': () => scheduleBody('school-a'),
  'POST /procedures/{id}/performed': () => ({
    performedOn: today,
    performedBy: { name: 'Иванова А. П.' },
    collected: ['Анкеты 5А'],
  }),
  'POST /procedures/{id}/reschedule': () => ({ window: { from: today, to: today }, reason: 'Приказ № 45' }),
  'POST /procedures/{id}/cancellation': () => ({ reason: 'Исключена из плана приказом № 12' }),
  'POST /integrations/calendar/{integrationId}/feeds': () => ({ title: 'Файл', ics: EMPTY_ICS }),
  'PUT /integrations/calendar/feeds/{feedId}/file': () => ({ ics: EMPTY_ICS }),
  'POST /plans/next-year': () => ({ schoolId: 'school-a', fromYear: academicYear }),
  // The shipped default of the fixture's year (2026/27 now) as the school's own calendar.
  'PUT /schools/{schoolId}/calendars/{academicYear}': () => {
    const { academicYear: _year, ...calendar } = russianDefaultCalendar(academicYear)!;
    return calendar;
  },
  'PUT /districts/{districtId}/calendars/{academicYear}': () => ({ shippedDefault: true }),
};

/** Query strings without which a GET is refused as malformed before anyone's data is looked at. */
const VALID_QUERIES: Record<string, () => string> = {
  'GET /procedures/{id}/as-of': () => `?at=${encodeURIComponent(new Date().toISOString())}`,
  'GET /schools/{schoolId}/plan/as-of': () =>
    `?at=${encodeURIComponent(new Date().toISOString())}&academicYear=${academicYear}`,
};

/** Ids of records stored for school-a (a plan preview, a calendar integration and its feed) that the calls name. */
export interface StoredIds {
  importId?: string;
  decisionsImportId?: string;
  integrationId?: string;
  feedId?: string;
}

export function callFor(route: string, procedureId: string, stored: StoredIds = {}): RouteCall {
  const [method, template] = route.split(' ');
  const values: Record<string, string> = {
    id: procedureId,
    decisionId: 'd-1',
    schoolId: 'school-a',
    personId: 'deputy-school-a',
    keyId: 'aaaaaaaaaaaa',
    kind: 'meeting-protocol',
    academicYear: academicYear.replace('/', '-'),
    districtId: 'district-1',
    importId: stored.importId ?? `imp-${'0'.repeat(24)}`,
    decisionsImportId: stored.decisionsImportId ?? `dimp-${'0'.repeat(24)}`,
    ...(stored.integrationId ? { integrationId: stored.integrationId } : {}),
    ...(stored.feedId ? { feedId: stored.feedId } : {}),
  };
  const path =
    template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `x-${randomUUID().slice(0, 8)}`) +
    (VALID_QUERIES[route]?.() ?? '');
  const valid = VALID_BODIES[route];
  const form = VALID_FORMS[route];
  const namesStored = (Object.keys(stored) as Array<keyof StoredIds>).some(
    (name) => stored[name] !== undefined && template.includes(`{${name}}`),
  );
  const namesSchoolA =
    namesStored ||
    form !== undefined ||
    (/\{(id|schoolId)\}/.test(template) && (method === 'GET' || valid !== undefined)
      ? true
      : valid !== undefined);
  const payload = form ? { form: form() } : { body: valid ? valid() : {} };
  return {
    route,
    method,
    path,
    ...(method === 'GET' || method === 'DELETE' ? {} : payload),
    namesSchoolA,
  };
}

export async function send(baseUrl: string, call: RouteCall, headers: Record<string, string>) {
  const res = await fetch(`${baseUrl}${call.path}`, {
    method: call.method,
    headers: { ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(call.form ? { body: call.form } : call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code, text };
}
