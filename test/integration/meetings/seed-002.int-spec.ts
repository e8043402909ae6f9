import { DEFAULT_DIRECTORY, executorsFromText } from '@vsoko/plan-import';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { json, startServices, type JsonBody, type Services } from '../harness';
import { normalisedCell, SEED_002_SECTION_1, seedRows } from '../../fixtures/seeds/seed-002-section-1';

const SCHOOL = 'ilyinskaya';
const YEAR = '2023/24';
const TZ = 'Europe/Moscow';

/**
 * Issue 13's target: seed 002's section 1 — every meeting and decision, deadlines and responsibles as written —
 * entered through the API comes back out of GET /reports/meetings.csv as the school's own rows, with what the
 * paper cannot show beside them.
 */
describe('seed 002, section 1, through the API and back out of the report', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);
  const meetingIds: string[] = [];
  const decisionIds: string[][] = [];
  const procedureIds = [1, 2, 3].map((n) => `p-${tag}-${n}`);

  const post = async (path: string, body: unknown, expected = [200, 201]): Promise<JsonBody> => {
    const res = await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...director, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await json(res);
    if (!expected.includes(res.status)) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return answer;
  };
  const report = (format: 'csv' | 'xlsx') =>
    fetch(
      `${s.baseUrl}/reports/meetings.${format}?schoolId=${SCHOOL}&academicYear=${encodeURIComponent(YEAR)}&waitForPosition=${head}&timeoutMs=30000`,
      { headers: director },
    );

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL);
    for (const id of procedureIds) {
      await post('/procedures', {
        id,
        schoolId: SCHOOL,
        academicYear: YEAR,
        title: `ВПР ${id}`,
        direction: 'results',
        responsible: { role: 'deputy', name: 'Зам.директора по УВР' },
        window: { from: '2023-09-01', to: '2023-09-30' },
        timeZone: TZ,
      });
    }
    for (const [i, m] of SEED_002_SECTION_1.entries()) {
      const meetingId = `m-${tag}-${i + 1}`;
      meetingIds.push(meetingId);
      // The first council considers the three procedures' results: one meeting, three agenda items.
      const agenda =
        i === 0
          ? procedureIds.map((procedureId, n) => ({
              itemId: `item-${n + 1}`,
              title: `Итоги ${procedureId}`,
              procedureId,
            }))
          : [{ itemId: 'item-1', title: 'Результаты оценочных процедур' }];
      await post('/meetings', {
        id: meetingId,
        academicYear: YEAR,
        level: m.level,
        ...(m.association ? { association: m.association } : {}),
        ...(m.title ? { title: m.title } : {}),
        date: m.date,
        timeZone: TZ,
        agenda,
      });
      await post(`/meetings/${meetingId}/held`, {});
      const ids: string[] = [];
      for (const [j, d] of m.decisions.entries()) {
        const decisionId = `d-${tag}-${i + 1}-${j + 1}`;
        ids.push(decisionId);
        await post(`/meetings/${meetingId}/decisions`, {
          id: decisionId,
          number: j + 1,
          wording: d.wording,
          executors: executorsFromText(d.responsible, DEFAULT_DIRECTORY),
          deadline: { asWritten: d.deadline },
          ...(i === 0 ? { procedureIds } : {}),
        });
      }
      decisionIds.push(ids);
    }
  }, 180_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('gives back every row of the section as written, each meeting once (the council of three procedures too)', async () => {
    const res = await report('csv');
    expect(res.status).toBe(200);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0].slice(0, 6)).toEqual([
      '№',
      'Уровень (совещание, совещание при директоре, педагогический совет, заседания ШМО)',
      'Дата',
      'Формулировка принятого решения',
      'Срок исполнения',
      'Ответственный',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 6).map(normalisedCell))).toEqual(seedRows());
    expect(
      rows.slice(1).filter((r) => r[1] === 'Педагогический совет' && r[2] === 'Август 2023'),
    ).toHaveLength(1);
  });

  it('shows what paper cannot: the deadline’s meaning and the status of each decision', async () => {
    const rows = parse((await (await report('csv')).text()).replace(/^\uFEFF/, ''), {
      delimiter: ';',
    }) as string[][];
    const byWording = (start: string) => rows.find((r) => r[3].includes(start))!;
    expect(byWording('Доработать и включить')[6]).toBe('октябрь 2023 — декабрь 2023, до 31.12.2023');
    expect(byWording('С целью упорядочивания')[6]).toBe('октябрь 2024, до 31.10.2024');
    expect(byWording('Довести информацию')[6]).toBe('постоянно, отчёт ежемесячно');
    expect(byWording('Сбор данных об оснащенности')[6]).toBe('без срока: срок устанавливает директор');
    // Typed in after the year: a decision with a date to meet is overdue at once (its workflow marks it missed);
    // a standing one, or one without a deadline, has none to miss.
    const expected = (r: string[]) => (/^(постоянно|без срока)/.test(r[6]) ? 'на исполнении' : 'просрочено');
    let statuses: string[][] = [];
    for (let wait = Date.now() + 60_000; Date.now() < wait;) {
      const now = parse((await (await report('csv')).text()).replace(/^\uFEFF/, ''), {
        delimiter: ';',
      }) as string[][];
      statuses = now.slice(1).map((r) => [r[7], expected(r), r[6]]);
      if (statuses.every(([got, want]) => got === want)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(statuses.filter(([got, want]) => got !== want)).toEqual([]);
    expect(statuses.filter(([, want]) => want === 'на исполнении').length).toBeGreaterThan(0);
    expect(statuses.filter(([, want]) => want === 'просрочено').length).toBeGreaterThan(0);
  });

  it('numbers the protocols of each level and year without gaps, in the order they were held', async () => {
    const numbers = [];
    for (const id of meetingIds) {
      const res = await fetch(`${s.baseUrl}/meetings/${id}`, { headers: director });
      const meeting = await json(res);
      numbers.push([meeting.level, meeting.protocolNumber]);
    }
    expect(numbers).toEqual([
      ['pedagogical-council', 1],
      ['methodical-council', 1],
      ['subject-association', 1],
      ['director-meeting', 1],
      ['parent-meeting', 1],
      ['subject-association', 2],
      ['pedagogical-council', 2],
      ['pedagogical-council', 3],
    ]);
  });

  it('reads «в течение года» as the year with a check-in at the end of each term', async () => {
    const res = await fetch(`${s.baseUrl}/decisions/${decisionIds[0][2]}`, { headers: director });
    expect(await json(res)).toMatchObject({
      deadline: {
        asWritten: 'В течение года',
        parsed: {
          kind: 'year',
          academicYear: YEAR,
          due: '2024-05-31',
          checkIns: ['2023-10-31', '2023-12-31', '2024-03-31'],
        },
      },
      executors: { lead: { role: 'deputy' }, asWritten: 'Зам.директора по УВР' },
      procedureIds,
    });
  });

  it('gives the XLSX the same rows', async () => {
    const res = await report('xlsx');
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Заседания и решения')!;
    expect(sheet.rowCount).toBe(2 + seedRows().length);
    expect(normalisedCell(String(sheet.getRow(3).getCell(4).value))).toBe(seedRows()[0][3]);
  });

  it('refuses a decision for a procedure of another school, and a meeting of another school is not found', async () => {
    const other = await s.loginAs('director', 'other-school');
    const foreign = await fetch(`${s.baseUrl}/meetings/${meetingIds[0]}`, { headers: other });
    expect(foreign.status).toBe(404);
    const adopt = await fetch(`${s.baseUrl}/meetings/${meetingIds[0]}/decisions`, {
      method: 'POST',
      headers: { ...other, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `d-${tag}-x`,
        number: 9,
        wording: 'Чужое решение',
        executors: { lead: { name: 'Директор' } },
        deadline: { asWritten: '' },
      }),
    });
    expect(adopt.status).toBe(404);
    expect(await s.store.readStream(`decision-d-${tag}-x`)).toEqual([]);
  });
});
