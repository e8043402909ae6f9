import { DEFAULT_DIRECTORY, executorsFromText } from '@vsoko/plan-import';
import { randomUUID } from 'node:crypto';
import { putDistrict } from '../auth/accounts';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { ooxmlProblems } from '@vsoko/documents';
import { docxText, templateOf } from '../../../libs/documents/src/testing/docx-text';
import { SEED_002_SECTION_1 } from '../../fixtures/seeds/seed-002-section-1';

const SCHOOL = 'doc-school';
const YEAR = '2025/26';
const TZ = 'Europe/Moscow';
const SCHOOL_NAME = 'МБОУ «Ильинская СОШ»';
const DISTRICT_NAME = 'Ильинский муниципальный район';

/**
 * Issue 15, item 3: the protocol, the order, the справка and the school's report come out of the log as Word
 * files; a DOCX reader (mammoth) finds the right text in them; a school's own template gives its own layout.
 */
describe('Word documents from recorded events', () => {
  let s: Services;
  let director: Record<string, string>;
  let teacher: Record<string, string>;
  let stranger: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);
  const procedureId = `p-doc-${tag}`;
  const meetingId = `m-doc-${tag}`;

  const send = async (
    method: string,
    path: string,
    body: unknown,
    who = director,
    expected = [200, 201],
  ): Promise<JsonBody> => {
    const res = await fetch(`${s.baseUrl}${path}`, {
      method,
      headers: { ...who, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (!expected.includes(res.status)) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return answer;
  };
  const post = (path: string, body: unknown) => send('POST', path, body);
  const download = async (path: string, who = director) => {
    const sep = path.includes('?') ? '&' : '?';
    const res = await fetch(`${s.baseUrl}${path}${sep}waitForPosition=${head}&timeoutMs=30000`, {
      headers: who,
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), bytes };
  };
  const textOf = async (path: string) => {
    const res = await download(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.bytes.toString('utf8')}`);
    expect(res.type).toContain('wordprocessingml');
    // Word opens it: a well-formed package, every part typed and linked, tables Word accepts.
    expect(ooxmlProblems(res.bytes)).toEqual([]);
    return docxText(res.bytes);
  };
  const upload = async (kind: string, bytes: Buffer, fileName: string, who = director) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    const res = await fetch(`${s.baseUrl}/schools/${SCHOOL}/document-templates/${kind}`, {
      method: 'PUT',
      headers: who,
      body: form,
    });
    const answer = await json(res);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return { status: res.status, answer };
  };

  beforeAll(async () => {
    s = await startServices();
    // The school as its district registered it: every heading prints these names, not the id.
    await putDistrict(s, `doc-district-${tag}`, [SCHOOL], {
      district: DISTRICT_NAME,
      schools: { [SCHOOL]: SCHOOL_NAME },
    });
    director = await s.loginAs('director', SCHOOL, { name: 'Смирнова Ольга Петровна' });
    teacher = await s.loginAs('teacher', SCHOOL);
    stranger = await s.loginAs('director', 'other-school');
    await post('/procedures', {
      id: procedureId,
      schoolId: SCHOOL,
      academicYear: YEAR,
      title: 'ВПР по математике, 4 класс',
      direction: 'results',
      indicator: 'Качество знаний по математике',
      object: 'Обучающиеся 4-х классов',
      method: 'Всероссийская проверочная работа',
      responsible: { role: 'deputy', name: 'Кузнецова Н. С.' },
      window: { from: '2025-09-15', to: '2025-09-30' },
      timeZone: TZ,
    });
    await post(`/procedures/${procedureId}/performed`, {
      performedOn: '2025-09-20',
      performedBy: { name: 'Кузнецова Н. С.' },
      collected: ['Работы 4А', 'Работы 4Б'],
    });
    await post(`/procedures/${procedureId}/analysis`, {
      analysedOn: '2025-10-01',
      document: { title: 'Справка по итогам ВПР' },
      findings: ['Качество знаний ниже прошлогоднего', 'Задания на дроби решены хуже остальных'],
      figures: [
        { indicator: 'Качество знаний, 4А', value: 62.5, unit: '%' },
        { indicator: 'Успеваемость, 4А', value: 96, unit: '%' },
      ],
    });
    await post('/meetings', {
      id: meetingId,
      academicYear: YEAR,
      level: 'pedagogical-council',
      date: { precision: 'day', date: '2025-10-15' },
      timeZone: TZ,
      agenda: [{ itemId: 'item-1', title: 'Итоги ВПР по математике', procedureId }],
    });
    await post(`/meetings/${meetingId}/held`, {
      chair: { name: 'Смирнова О. П.', role: 'director' },
      secretary: { name: 'Орлова Е. В.' },
      participants: [
        { name: 'Смирнова О. П.', role: 'director' },
        { name: 'Орлова Е. В.' },
        { name: 'Кузнецова Н. С.', role: 'deputy' },
      ],
      minutes: [
        {
          itemId: 'item-1',
          heard: 'Кузнецову Н. С. об итогах ВПР',
          decisionIds: [`d-doc-${tag}-1`, `d-doc-${tag}-2`],
        },
      ],
    });
    await post(`/meetings/${meetingId}/decisions`, {
      id: `d-doc-${tag}-1`,
      number: 1,
      wording: 'Провести повторную диагностику по дробям в 4А классе',
      executors: executorsFromText('Руководители ШМО, учителя-предметники', DEFAULT_DIRECTORY),
      deadline: { asWritten: 'Октябрь-декабрь 2025г' },
      procedureIds: [procedureId],
    });
    await post(`/meetings/${meetingId}/decisions`, {
      id: `d-doc-${tag}-2`,
      number: 2,
      wording: 'Включить задания на дроби в текущий контроль',
      executors: executorsFromText('Учителя начальных классов', DEFAULT_DIRECTORY),
      deadline: { asWritten: 'В течение года' },
    });
  }, 180_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('writes the protocol: number, level, date, chair, secretary, attendees, agenda, heard, numbered decisions', async () => {
    const text = await textOf(`/meetings/${meetingId}/protocol.docx`);
    expect(text.split('\n').slice(0, 3)).toEqual([DISTRICT_NAME, SCHOOL_NAME, 'ПРОТОКОЛ № 1']);
    expect(text).not.toContain(SCHOOL);
    expect(text).toContain('ПРОТОКОЛ № 1\nзаседания педагогического совета\nот 15 октября 2025 г.');
    expect(text).toContain('Председатель: Смирнова О. П.');
    expect(text).toContain('Секретарь: Орлова Е. В.');
    expect(text).toContain('Присутствовали: 3 чел.: Смирнова О. П., Орлова Е. В., Кузнецова Н. С.');
    expect(text).toContain('1. Итоги ВПР по математике');
    expect(text).toContain('1. СЛУШАЛИ: Итоги ВПР по математике. Кузнецову Н. С. об итогах ВПР');
    expect(text).toContain(
      '1. СЛУШАЛИ: Итоги ВПР по математике. Кузнецову Н. С. об итогах ВПР\nРЕШИЛИ:\n1.1. Провести повторную диагностику по дробям в 4А классе Срок: Октябрь-декабрь 2025г. Ответственный: Руководители ШМО, учителя-предметники.',
    );
    expect(text).toContain('1.2. Включить задания на дроби в текущий контроль Срок: В течение года.');
    expect(text).not.toMatch(/[{}]/);
  });

  it('writes the order on the decisions adopted at the meeting, with the control clause after them', async () => {
    const text = await textOf(`/meetings/${meetingId}/order.docx`);
    expect(text.split('\n').slice(0, 3)).toEqual([DISTRICT_NAME, SCHOOL_NAME, 'ПРИКАЗ']);
    expect(text).toContain(
      'О выполнении решений педагогического совета от 15 октября 2025 г. (протокол № 1)',
    );
    expect(text).toContain(
      '1. Провести повторную диагностику по дробям в 4А классе Срок: Октябрь-декабрь 2025г. Ответственный: Руководители ШМО, учителя-предметники.',
    );
    expect(text).toContain('2. Включить задания на дроби в текущий контроль Срок: В течение года.');
    expect(text).toContain('3. Контроль за исполнением приказа оставляю за собой.');
    expect(text).toContain('Директор ______________ Смирнова О. П.');
  });

  it('writes the справка skeleton: indicator, object, method, figures, findings', async () => {
    const text = await textOf(`/procedures/${procedureId}/report.docx`);
    expect(text.split('\n').slice(0, 3)).toEqual([DISTRICT_NAME, SCHOOL_NAME, 'АНАЛИТИЧЕСКАЯ СПРАВКА']);
    expect(text).toContain('по итогам оценочной процедуры «ВПР по математике, 4 класс»');
    expect(text).toContain('Показатель: Качество знаний по математике');
    expect(text).toContain('Объект оценки: Обучающиеся 4-х классов');
    expect(text).toContain('Метод оценки: Всероссийская проверочная работа');
    expect(text).toContain('Сроки по плану: 15–30 сентября 2025 г.');
    expect(text).toMatch(/Качество знаний, 4А\s*62,5\s*%/);
    expect(text).toMatch(/Успеваемость, 4А\s*96\s*%/);
    expect(text).toContain('1. Качество знаний ниже прошлогоднего');
    expect(text).toContain('2. Задания на дроби решены хуже остальных');
    expect(text).toContain('Дата анализа: 1 октября 2025 г.');
  });

  it('the справка names the meeting that discussed the results and the decisions adopted on them', async () => {
    // Holding the meeting gives the procedure its discussed stage through a durable workflow: wait for it.
    let text = '';
    for (let i = 0; i < 60 && !text.includes('Результаты рассмотрены: Педагогический совет'); i += 1) {
      if (i > 0) await new Promise((r) => setTimeout(r, 500));
      text = await textOf(`/procedures/${procedureId}/report.docx`);
    }
    expect(text).toContain('Результаты рассмотрены: Педагогический совет, 15 октября 2025 г., протокол № 1');
    // Decision 1 names the procedure; decision 2 of the same meeting does not.
    expect(text).toContain(
      '1. Провести повторную диагностику по дробям в 4А классе Срок: Октябрь-декабрь 2025г. Ответственный: Руководители ШМО, учителя-предметники.',
    );
    expect(text).not.toContain('Включить задания на дроби в текущий контроль');
  });

  it('answers another school, and an unknown id, alike: 404', async () => {
    for (const path of [
      `/meetings/${meetingId}/protocol.docx`,
      `/meetings/${meetingId}/order.docx`,
      `/procedures/${procedureId}/report.docx`,
    ]) {
      expect((await download(path, stranger)).status).toBe(404);
      expect((await download(path.replace(tag, 'nobody'))).status).toBe(404);
    }
    const report = await download(
      `/reports/decisions-report.docx?schoolId=${SCHOOL}&academicYear=${YEAR}`,
      stranger,
    );
    expect([403, 404]).toContain(report.status);
  });

  it("uses the school's own protocol template with the same fields, after checking it", async () => {
    const own = await templateOf([
      'МБОУ «Ильинская СОШ»',
      'ВЫПИСКА ИЗ ПРОТОКОЛА № {number} от {date}',
      '{#decisions}',
      'Пункт {number}: {wording} (исп. {responsible}, срок {deadline})',
      '{/decisions}',
    ]);
    expect((await upload('meeting-protocol', own, 'Протокол.docx', teacher)).status).toBe(403);
    const bad = await upload('meeting-protocol', await templateOf(['ПРОТОКОЛ № {nomer}']), 'Протокол.docx');
    expect(bad).toMatchObject({ status: 400, answer: { code: 'TEMPLATE_FIELD_UNKNOWN' } });
    const notWord = await upload('meeting-protocol', Buffer.from('PK\u0003\u0004 не zip'), 'Протокол.docx');
    expect(notWord).toMatchObject({ status: 400, answer: { code: 'TEMPLATE_INVALID' } });
    expect((await upload('unknown-kind', own, 'Протокол.docx')).status).toBe(404);

    const stored = await upload('meeting-protocol', own, 'Протокол.docx');
    expect(stored.status).toBe(200);
    expect(stored.answer).toMatchObject({
      kind: 'meeting-protocol',
      fields: ['date', 'decisions', 'number'],
      eventTypes: ['DocumentTemplateReplaced'],
    });
    const again = await upload('meeting-protocol', own, 'Протокол.docx');
    expect(again.answer.eventTypes).toEqual([]);

    const text = await textOf(`/meetings/${meetingId}/protocol.docx`);
    expect(text.split('\n')).toEqual([
      'МБОУ «Ильинская СОШ»',
      'ВЫПИСКА ИЗ ПРОТОКОЛА № 1 от 15 октября 2025 г.',
      'Пункт 1: Провести повторную диагностику по дробям в 4А классе (исп. Руководители ШМО, учителя-предметники, срок Октябрь-декабрь 2025г)',
      'Пункт 2: Включить задания на дроби в текущий контроль (исп. Учителя начальных классов, срок В течение года)',
    ]);
    const list = await json(
      await fetch(`${s.baseUrl}/schools/${SCHOOL}/document-templates`, { headers: director }),
    );
    expect(list.documents.find((d: JsonBody) => d.kind === 'meeting-protocol')).toMatchObject({
      source: 'school',
      template: { sha256: stored.answer.sha256, fileName: 'Протокол.docx' },
    });
    const file = await download(`/schools/${SCHOOL}/document-templates/meeting-protocol.docx`);
    expect(file.bytes.equals(own)).toBe(true);
    // Another school still gets the default.
    const events = await s.store.readStream(`doctemplates-${SCHOOL}`);
    expect(events.map((e) => e.type)).toEqual(['DocumentTemplateReplaced']);
    expect(events[0].metadata).toMatchObject({ actor: { role: 'director' }, schoolId: SCHOOL });

    await send('DELETE', `/schools/${SCHOOL}/document-templates/meeting-protocol`, undefined);
    expect(await textOf(`/meetings/${meetingId}/protocol.docx`)).toContain('ПРОТОКОЛ № 1');
  });

  it("writes the school's report (seed 002, section 1) with every meeting and decision as written", async () => {
    const year = '2023/24';
    for (const [i, m] of SEED_002_SECTION_1.entries()) {
      const id = `m-seed-${tag}-${i + 1}`;
      await post('/meetings', {
        id,
        academicYear: year,
        level: m.level,
        ...(m.association ? { association: m.association } : {}),
        ...(m.title ? { title: m.title } : {}),
        date: m.date,
        timeZone: TZ,
        agenda: [{ itemId: 'item-1', title: 'Результаты оценочных процедур' }],
      });
      await post(`/meetings/${id}/held`, {});
      for (const [j, d] of m.decisions.entries()) {
        await post(`/meetings/${id}/decisions`, {
          id: `d-seed-${tag}-${i + 1}-${j + 1}`,
          number: j + 1,
          wording: d.wording,
          executors: executorsFromText(d.responsible, DEFAULT_DIRECTORY),
          deadline: { asWritten: d.deadline },
        });
      }
    }
    const text = await textOf(
      `/reports/decisions-report.docx?schoolId=${SCHOOL}&academicYear=${encodeURIComponent(year)}`,
    );
    const decisions = SEED_002_SECTION_1.flatMap((m) => m.decisions);
    expect(text).toContain(`в ${SCHOOL_NAME}`);
    // Signed as seed 002 is: the position at the school and the short name of whoever formed it.
    expect(text).toContain('Директор: Смирнова О. П.\nСформировано');
    expect(text).not.toContain(SCHOOL);
    expect(text).toContain(`Заседаний: ${SEED_002_SECTION_1.length}, решений: ${decisions.length}.`);
    const flat = text.replace(/\s+/g, ' ');
    for (const [j, d] of decisions.entries()) {
      expect({ j, found: flat.includes(d.wording.replace(/\s+/g, ' ').trim()) }).toEqual({ j, found: true });
    }
    for (const deadline of decisions.map((d) => d.deadline).filter((d) => d && d.trim() !== '')) {
      expect(flat).toContain(deadline.replace(/\s+/g, ' ').trim());
    }
  });
});
