import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { ooxmlProblems } from '@vsoko/documents';
import { docxTables, docxText } from '../../../libs/documents/src/testing/docx-text';
import { SEED_002_SECTION_2, seedMeasureRows } from '../../fixtures/seeds/seed-002-section-2';
import { startServices, type Services } from '../harness';
import { posts } from './support/fixture';

const SCHOOL = 'ilyinskaya-s23';
const YEAR = '2023/24';
const TZ = 'Europe/Moscow';

/**
 * Issue 13, item 6: seed 002's sections 2 (measures by year, classes, subjects, teachers — from the decisions'
 * scope) and 3 (dynamics of one indicator across procedures and years — from the analyses' figures) as XLSX and
 * CSV from the log, opened as a school would open them.
 */
describe('report sections 2 and 3 from the log', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);

  const { ok: post } = posts(
    () => ({ baseUrl: s.baseUrl, headers: director }),
    (position) => (head = Math.max(head, position)),
  );
  const report = (file: string, year = YEAR) =>
    fetch(
      `${s.baseUrl}/reports/${file}?schoolId=${SCHOOL}&academicYear=${encodeURIComponent(year)}&waitForPosition=${head}&timeoutMs=30000`,
      { headers: director },
    );
  const sheetRows = async (file: string, year?: string): Promise<unknown[][]> => {
    const res = await report(file, year);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const rows: unknown[][] = [];
    const sheet = book.worksheets[0];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
    });
    return rows;
  };
  const csvRows = async (file: string, year?: string) =>
    parse((await (await report(file, year)).text()).replace(/^\uFEFF/, ''), {
      delimiter: ';',
      relax_column_count: true,
    }) as string[][];
  /** A procedure through its analysis, with the figures of its аналитическая справка. */
  const analysed = async (
    id: string,
    year: string,
    title: string,
    analysedOn: string,
    figures: Array<{ indicator: string; value: number; unit?: string }>,
    extra: Record<string, unknown> = {},
  ) => {
    const [from] = year.split('/');
    await post('/procedures', {
      id,
      schoolId: SCHOOL,
      academicYear: year,
      title,
      direction: 'results',
      responsible: { role: 'deputy', name: 'Зам.директора по УВР' },
      window: { from: `${from}-09-01`, to: `${Number(from) + 1}-05-31` },
      timeZone: TZ,
      ...extra,
    });
    await post(`/procedures/${id}/performed`, {
      performedOn: analysedOn,
      performedBy: { name: 'Иванова А. П.' },
      collected: ['Работы учащихся'],
    });
    await post(`/procedures/${id}/analysis`, {
      analysedOn,
      document: { title: `Аналитическая справка: ${title}` },
      findings: ['Итоги'],
      figures,
    });
  };

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL);
    for (const [i, m] of SEED_002_SECTION_2.entries()) {
      await post('/decisions/by-order', {
        id: `measure-${tag}-${i + 1}`,
        number: i + 1,
        wording: m.wording,
        executors: { lead: { name: m.teachers[0] } },
        scope: {
          classes: m.classes,
          ...(m.subjects.length ? { subjects: m.subjects } : {}),
          teachers: m.teachers,
        },
        deadline: { asWritten: 'В течение года' },
        order: { number: '112-о', date: '2023-09-01' },
        academicYear: YEAR,
        timeZone: TZ,
      });
    }
    // A decision without a scope is section 1's only.
    await post('/decisions/by-order', {
      id: `no-scope-${tag}`,
      number: 11,
      wording: 'Доработать Программу развития школы',
      executors: { lead: { name: 'Зам.директора по УВР' } },
      deadline: { asWritten: 'Октябрь-декабрь 2023г' },
      order: { number: '112-о', date: '2023-09-01' },
      academicYear: YEAR,
      timeZone: TZ,
    });

    // Dynamics: ВПР по математике in 4th grade two years running (the same title, spaced differently, no link),
    // a procedure of its own, and next year's, which a report of 2023/24 leaves out. Links: dynamics-report.spec.ts.
    await analysed(`vpr-22-${tag}`, '2022/23', 'ВПР по математике, 4 класс', '2023-05-10', [
      { indicator: 'Качество знаний', value: 58, unit: '%' },
      { indicator: 'Успеваемость', value: 92, unit: '%' },
    ]);
    await analysed(`vpr-23-${tag}`, '2023/24', 'ВПР  по математике, 4 класс', '2024-05-12', [
      { indicator: 'Качество знаний', value: 62.5, unit: '%' },
      { indicator: 'Успеваемость', value: 95, unit: '%' },
    ]);
    await analysed(`start-${tag}`, '2023/24', 'Стартовая диагностика, 1 класс', '2023-09-20', [
      { indicator: 'Готовность к обучению', value: 71, unit: '%' },
    ]);
    await analysed(`future-${tag}`, '2024/25', 'ВПР по математике, 4 класс', '2025-05-12', [
      { indicator: 'Качество знаний', value: 70, unit: '%' },
    ]);
  }, 240_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('section 2: every measure of the year with class, subject and teacher as written, in XLSX and CSV', async () => {
    const rows = await sheetRows('measures.xlsx');
    expect(rows[1].slice(0, 6)).toEqual([
      '№',
      'Учебный год',
      'Мероприятия, образовательные события и т.д.',
      'Класс',
      'Предмет',
      'Учитель',
    ]);
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    expect(rows.slice(2).map((r) => r.slice(0, 6).map(text))).toEqual(seedMeasureRows());
    expect(rows.slice(2).every((r) => r[6] === 'Приказ № 112-о от 01.09.2023')).toBe(true);
    // Entered years after 2023/24 ended, unexecuted: each decision's workflow marks it missed at once.
    const overdue = async () => (await sheetRows('measures.xlsx')).slice(2).map((r) => r[7]);
    for (let wait = Date.now() + 60_000; Date.now() < wait;) {
      if ((await overdue()).every((status) => status === 'просрочено')) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(new Set(await overdue())).toEqual(new Set(['просрочено']));
    const csv = await csvRows('measures.csv');
    expect(csv.slice(1).map((r) => r.slice(0, 6))).toEqual(seedMeasureRows());
  });

  it('section 3: one line per indicator of the same procedure across years, with the change, up to the year asked', async () => {
    const rows = await sheetRows('dynamics.xlsx');
    expect(rows[1]).toEqual([
      '№',
      'Показатель',
      'Оценочная процедура',
      'Учебный год',
      'Дата анализа',
      'Значение',
      'Ед. изм.',
      'Изменение',
      'Итоговый документ',
    ]);
    const cells = rows.slice(2).map((r) => [r[0], r[1], r[3], r[5], r[6], r[7]]);
    expect(cells).toEqual([
      [1, 'Готовность к обучению', '2023-2024', 71, '%', null],
      [2, 'Качество знаний', '2022-2023', 58, '%', null],
      [null, null, '2023-2024', 62.5, '%', 4.5],
      [3, 'Успеваемость', '2022-2023', 92, '%', null],
      [null, null, '2023-2024', 95, '%', 3],
    ]);
    expect(rows[3][4]).toEqual(new Date('2023-05-10T00:00:00Z'));
    const csv = await csvRows('dynamics.csv');
    expect(csv.slice(1).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ['Готовность к обучению', '2023-2024', '20.09.2023', '71'],
      ['Качество знаний', '2022-2023', '10.05.2023', '58'],
      ['', '2023-2024', '12.05.2024', '62.5'],
      ['Успеваемость', '2022-2023', '10.05.2023', '92'],
      ['', '2023-2024', '12.05.2024', '95'],
    ]);
  });

  it('section 3 of a later year includes it', async () => {
    const rows = await sheetRows('dynamics.xlsx', '2024/25');
    const quality = rows.slice(2).filter((r) => r[5] === 70);
    expect(quality).toEqual([expect.arrayContaining(['2024-2025', 70, '%', 7.5])]);
  });

  it('the Word report (seed 002) carries sections 2 and 3 with the same rows, as a DOCX reader sees them', async () => {
    const res = await report('decisions-report.docx');
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(ooxmlProblems(bytes)).toEqual([]);
    const text = await docxText(bytes);
    expect(text).toContain(
      '2. Перечень мероприятий в целях изменения результатов оценочных процедур в рамках ВСОКО',
    );
    expect(text).toContain(`Мероприятий: ${SEED_002_SECTION_2.length}.`);
    expect(text).toContain('3. Отслеживание динамики результатов');
    expect(text).toContain('Показателей: 3.');
    const [, measures, dynamics] = await docxTables(bytes);
    expect(measures[0].slice(0, 6)).toEqual([
      '№',
      'Учебный год',
      'Мероприятия, образовательные события и т.д.',
      'Класс',
      'Предмет',
      'Учитель',
    ]);
    // The same six columns the XLSX and CSV carry, row for row, then where each measure was adopted.
    expect(measures.slice(1).map((r) => r.slice(0, 6))).toEqual(seedMeasureRows());
    expect(measures.slice(1).every((r) => r[6] === 'Приказ № 112-о от 01.09.2023')).toBe(true);
    // Figures with a decimal comma, the change signed, next year's left out.
    expect(dynamics.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ['1', 'Готовность к обучению', '2023-2024', '20.09.2023', '71', '%', ''],
      ['2', 'Качество знаний', '2022-2023', '10.05.2023', '58', '%', ''],
      ['', '', '2023-2024', '12.05.2024', '62,5', '%', '+4,5'],
      ['3', 'Успеваемость', '2022-2023', '10.05.2023', '92', '%', ''],
      ['', '', '2023-2024', '12.05.2024', '95', '%', '+3'],
    ]);
  });

  it('shows another school neither section', async () => {
    const other = await s.loginAs('director', 'school-s23-other');
    for (const file of ['measures.xlsx', 'dynamics.csv']) {
      const res = await fetch(
        `${s.baseUrl}/reports/${file}?schoolId=${SCHOOL}&academicYear=${encodeURIComponent(YEAR)}`,
        { headers: other },
      );
      expect([403, 404]).toContain(res.status);
    }
  });
});
