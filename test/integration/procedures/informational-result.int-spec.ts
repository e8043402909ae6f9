import { randomUUID } from 'node:crypto';
import { json, startServices, type JsonBody, type Services } from '../harness';

const SCHOOL = 'school-info';
const YEAR = '2023/24';

/**
 * Issue 13, item 5: a procedure whose plan says its results end in a document («Информация на сайт»,
 * «Оформление документации», «Составление списка … группы риска») closes after its analysis, without a meeting
 * or a protocol — its workflow ends; one whose results go to a meeting waits for the meeting as before.
 */
describe('procedures whose results end in a document', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);

  const post = async (path: string, body: unknown): Promise<JsonBody> => {
    const res = await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...director, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return answer;
  };
  const throughAnalysis = async (id: string, fields: Record<string, unknown>) => {
    await post('/procedures', {
      id,
      schoolId: SCHOOL,
      academicYear: YEAR,
      title: 'Пополнение информации на сайт школы',
      direction: 'conditions',
      responsible: { role: 'director', name: 'Директор' },
      window: { from: '2023-10-01', to: '2023-10-31' },
      timeZone: 'Europe/Moscow',
      ...fields,
    });
    await post(`/procedures/${id}/performed`, {
      performedOn: '2023-10-20',
      performedBy: { name: 'Директор' },
      collected: ['Материалы для сайта'],
    });
    return post(`/procedures/${id}/analysis`, {
      analysedOn: '2023-10-25',
      document: { title: 'Информация размещена на сайте', reference: 'https://school.example/news/41' },
      findings: ['Раздел «Сведения об образовательной организации» обновлён'],
    });
  };
  const procedure = async (id: string) =>
    json(
      await fetch(`${s.baseUrl}/procedures/${id}?waitForPosition=${head}&timeoutMs=30000`, {
        headers: director,
      }),
    );
  const workflowStatus = async (id: string) =>
    (await s.temporal.workflow.getHandle(`procedure-${id}`).describe()).status.name;

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL);
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('«Информация на сайт» closes with its analysis and its workflow ends', async () => {
    const id = `site-${tag}`;
    const analysis = await throughAnalysis(id, { resultForm: 'Информация на сайт' });
    expect(analysis.eventTypes).toEqual(['AnalysisRecorded', 'ProcedureClosed']);
    expect(await procedure(id)).toMatchObject({
      stage: 'closed',
      resultUse: 'document',
      closedWithoutMeeting: true,
      analysis: { document: { title: 'Информация размещена на сайте' } },
    });
    await s.temporal.workflow.getHandle(`procedure-${id}`).result();
    expect(await workflowStatus(id)).toBe('COMPLETED');
  });

  it('a procedure whose results go to a meeting waits for it, as before', async () => {
    const id = `spravka-${tag}`;
    const analysis = await throughAnalysis(id, { resultForm: 'Справка' });
    expect(analysis.eventTypes).toEqual(['AnalysisRecorded']);
    expect(await procedure(id)).toMatchObject({ stage: 'analysed' });
    expect(await workflowStatus(id)).toBe('RUNNING');
  });

  it('the plan (the command) may say so whatever the result form', async () => {
    const id = `list-${tag}`;
    const analysis = await throughAnalysis(id, { resultForm: 'Справка', resultUse: 'document' });
    expect(analysis.eventTypes).toEqual(['AnalysisRecorded', 'ProcedureClosed']);
    const res = await fetch(`${s.baseUrl}/procedures`, {
      method: 'POST',
      headers: { ...director, 'content-type': 'application/json' },
      body: JSON.stringify({
        schoolId: SCHOOL,
        academicYear: YEAR,
        title: 'Сайт',
        direction: 'conditions',
        responsible: { role: 'director', name: 'Директор' },
        window: { from: '2023-10-01', to: '2023-10-31' },
        resultUse: 'website',
      }),
    });
    expect(res.status).toBe(400);
  });
});
