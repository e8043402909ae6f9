/** One row of a source table as read from the file, before any meaning is given to it. */
export interface SourceRow {
  /** 1-based, counted over every table of the file in order: what the preview and warnings cite. */
  rowNumber: number;
  /** Where a person finds it in the file: «таблица 2, строка 14», «лист «План», строка 7». */
  location: string;
  /** Cell texts, trimmed; multi-line cells keep their line breaks. */
  cells: string[];
  /** Marked as a heading row repeated on every page (Word's «Повторять как заголовок»). */
  repeatedHeader?: boolean;
}

export type SourceFormat = 'docx' | 'xlsx' | 'csv' | 'json';

export interface SourceDocument {
  format: SourceFormat;
  rows: SourceRow[];
  /** Text above the plan's table (a Word document's paragraphs, title rows of a sheet): where its year is named. */
  heading: string[];
}

/**
 * The title rows a sheet or a table starts with: rows with one text at most (a merged title cell), up to the
 * first row that has two different texts (the column headings or a plan row).
 */
export function leadingTitleRows(rows: SourceRow[]): string[] {
  const titles: string[] = [];
  for (const row of rows) {
    const texts = new Set(row.cells.filter((c) => c !== ''));
    if (texts.size > 1) break;
    titles.push(...texts);
  }
  return titles;
}

/** Cell text as people see it: lines trimmed, runs of spaces collapsed, empty lines dropped. */
export function cleanCell(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
