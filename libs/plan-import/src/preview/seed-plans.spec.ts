import { resultUseOf } from '@vsoko/domain';
import { docxOf, xlsxOf } from '../../../../test/fixtures/plans/build-files';
import { seedTable, SEED_000, SEED_001 } from '../../../../test/fixtures/plans/seed-tables';
import { buildPreview } from './build-preview';
import type { PlanPreview } from './types';

const preview = (bytes: Buffer, fileName: string, academicYear = '2023/24') =>
  buildPreview({ schoolId: 'school-1', academicYear, fileName, bytes });

const row = (p: PlanPreview, text: string) => p.entries.find((e) => e.text.startsWith(text))!;

describe('seed 000 (monthly ВСОКО plan) imported from real Word and Excel files', () => {
  const table = seedTable(SEED_000);
  let fromWord: PlanPreview;
  let fromExcel: PlanPreview;
  beforeAll(async () => {
    fromWord = await preview(await docxOf(table, { retypedHeaderAt: 40 }), 'plan.docx');
    fromExcel = await preview(await xlsxOf(table), 'plan.xlsx');
  });

  it('accounts for every row: each data row is a procedure or carries a warning that says why not', () => {
    expect(fromWord.entries).toHaveLength(table.length + 1);
    expect(fromWord.entries.map((e) => e.row)).toEqual(fromWord.entries.map((_, i) => i + 1));
    for (const e of fromWord.entries) {
      if (e.became === 'warning') expect(e.warnings.length).toBeGreaterThan(0);
      if (e.became === 'procedure') expect(e.procedureIds!.length).toBeGreaterThan(0);
    }
    const dataRows = table.filter((r, i) => i > 0 && r.filter((c) => c.trim() !== '').length >= 2);
    const accounted = fromWord.entries.filter((e) => e.became === 'procedure' || e.became === 'warning');
    expect(accounted.length).toBeGreaterThanOrEqual(dataRows.length);
    expect(fromWord.summary).toMatchObject({ procedures: 79, header: 2, warning: 3 });
  });

  it('says which rows end in a document and close after analysis (result use), from the result form', () => {
    const informational = fromWord.procedures.filter((p) => resultUseOf(p.resultForm) === 'document');
    const forms = [...new Set(informational.map((p) => p.resultForm!.replace(/\s+/g, ' ').trim()))].sort();
    expect(forms).toEqual([
      'Информация',
      'Информация на сайт',
      'Оформление документации',
      'Составление списка учащихся «группы риска»',
      'информация',
    ]);
    const prevention = fromWord.procedures.find((p) => p.title.startsWith('Организация профилактики'))!;
    expect(resultUseOf(prevention.resultForm)).toBe('meeting');
  });

  it('reads month and direction sections into windows and directions', () => {
    const first = row(fromWord, 'Предметные результаты обучения | Итоги успеваемости учащихся за 2022');
    expect(first).toMatchObject({
      became: 'procedure',
      direction: 'results',
      window: { from: '2023-08-01', to: '2023-08-31' },
      responsible: { roles: ['administration'] },
      section: 'АВГУСТ › КАЧЕСТВО ОБРАЗОВАТЕЛЬНЫХ РЕЗУЛЬТАТОВ',
    });
    const june = row(fromWord, 'Летний отдых учащихся');
    expect(june).toMatchObject({ direction: 'conditions', window: { from: '2024-06-01', to: '2024-06-30' } });
  });

  it('flags rows without a responsible, and responsible words it does not know', () => {
    expect(row(fromWord, 'Аттестация педагогических кадров | Итоги повышения').warnings).toEqual([
      expect.objectContaining({ code: 'RESPONSIBLE_MISSING' }),
    ]);
    const dir = fromWord.entries.find((e) => e.responsible?.text === 'Дир')!;
    expect(dir.became).toBe('procedure');
    expect(dir.warnings).toEqual([expect.objectContaining({ code: 'RESPONSIBLE_UNKNOWN' })]);
  });

  it('turns the merged sub-rows «литературного чтения», «окружающего мира» into their own procedures', () => {
    const reading = row(fromWord, 'литературного чтения');
    expect(reading).toMatchObject({ became: 'procedure', direction: 'process' });
    expect(reading.warnings[0].code).toBe('CONTINUATION_ROW');
    const titles = fromWord.procedures.filter((p) => p.sourceRow === reading.row).map((p) => p.title);
    expect(titles).toEqual(['Качество учебных занятий (литературного чтения)']);
  });

  it('recognises the header typed again in the middle of the table', () => {
    expect(fromWord.entries[40]).toMatchObject({ became: 'header' });
  });

  it('gives the same procedures from Excel as from Word (ids are the rows’ identity, not the file’s)', () => {
    expect(fromExcel.procedures.map((p) => [p.procedureId, p.window, p.direction])).toEqual(
      fromWord.procedures.map((p) => [p.procedureId, p.window, p.direction]),
    );
  });
});

describe('seed 001 (road map with vague deadlines)', () => {
  let p: PlanPreview;
  beforeAll(async () => {
    p = await preview(await docxOf(seedTable(SEED_001)), 'roadmap.docx', '2022/23');
  });

  it('makes one procedure per month of «январь, март, июнь, ноябрь»', () => {
    const e = p.entries.find((x) => x.text.startsWith('3.10'))!;
    expect(e.occurrences!.map((w) => w.from)).toEqual([
      '2022-11-01',
      '2023-01-01',
      '2023-03-01',
      '2023-06-01',
    ]);
    const occurrences = p.procedures.filter((x) => x.sourceRow === e.row);
    expect(occurrences.map((x) => x.occurrence)).toEqual([1, 2, 3, 4].map((index) => ({ index, of: 4 })));
    expect(new Set(occurrences.map((x) => x.procedureId)).size).toBe(4);
  });

  it('flags «по графику» and «в соответствии с планами РМО» as needing a date', () => {
    for (const number of ['3.9', '4.4']) {
      const e = p.entries.find((x) => x.text.startsWith(`${number} |`))!;
      expect(e.became).toBe('warning');
      expect(e.warnings.map((w) => w.code)).toContain('DEADLINE_NEEDS_DATE');
    }
  });

  it('takes merged deadline and responsible cells from the row above (4.1.2 under 4.1.1)', () => {
    const e = p.entries.find((x) => x.text.startsWith('4.1.2'))!;
    expect(e).toMatchObject({ became: 'procedure', window: { from: '2023-06-01', to: '2023-07-31' } });
    expect(e.warnings.map((w) => w.code)).toContain('INHERITED_FROM_ROW');
  });
});

describe('CSV and JSON tables', () => {
  const rows = [
    ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'],
    ['1', 'ВПР по математике, 4 класс', 'апрель', 'Заместитель директора по УВР', 'Аналитическая справка'],
    ['2', 'Анкетирование родителей', 'в течение года', 'Классные руководители', 'Отчёт'],
  ];

  it('reads «;»-separated CSV as Excel saves it', async () => {
    const csv = rows.map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n');
    const p = await preview(Buffer.from(`\uFEFF${csv}`), 'plan.csv');
    expect(p.source.format).toBe('csv');
    expect(p.procedures.map((x) => [x.title, x.window.from, x.responsible.role])).toEqual([
      ['ВПР по математике, 4 класс', '2024-04-01', 'deputy'],
      ['Анкетирование родителей', '2023-08-01', 'class-teacher'],
    ]);
  });

  it('reads JSON rows given as objects', async () => {
    const objects = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
    const p = await preview(Buffer.from(JSON.stringify(objects)), 'plan.json');
    expect(p.summary).toMatchObject({ header: 1, procedure: 2 });
  });

  it('refuses a file that is not what its name says, with a code', async () => {
    await expect(preview(Buffer.from('not a zip'), 'plan.docx')).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
  });
});
