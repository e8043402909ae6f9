import { stringify } from 'csv-stringify/sync';
import { ruDate } from '@vsoko/domain';
import ExcelJS from 'exceljs';

/** A cell is text, a number, a calendar day (YYYY-MM-DD, shown dd.mm.yyyy) or empty. */
export type Cell = string | number | { date: string } | null;

export interface Column {
  header: string;
  /** Width in characters, as Excel counts them. */
  width: number;
}

export interface Table {
  title: string;
  sheet: string;
  columns: Column[];
  rows: Cell[][];
}

export const DATE_FORMAT = 'dd.mm.yyyy';

/** A sheet with the title row, bold wrapped headers, fixed widths and real dates formatted dd.mm.yyyy. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'vsoko';
  const sheet = book.addWorksheet(table.sheet);
  sheet.columns = table.columns.map((c) => ({ width: c.width }));
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, table.columns.length);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.map((cell) =>
        cell !== null && typeof cell === 'object' ? new Date(`${cell.date}T00:00:00Z`) : cell,
      ),
    );
    added.alignment = { wrapText: true, vertical: 'top' };
    row.forEach((cell, i) => {
      if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = DATE_FORMAT;
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * CSV as Russian Excel opens it: UTF-8 with BOM, ';' between fields, dates dd.mm.yyyy. Every text cell that a
 * spreadsheet would take for a formula (=, +, -, @, tab, carriage return, and their full-width forms) gets a
 * leading apostrophe, as OWASP advises against CSV injection: titles and names are typed by users.
 */
export function toCsv(table: Table): string {
  const text = (cell: Cell) => (cell === null ? '' : typeof cell === 'object' ? ruDate(cell.date) : cell);
  return stringify([table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(text))], {
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
    escape_formulas: true,
  });
}
