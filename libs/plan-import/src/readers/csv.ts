import { parse } from 'csv-parse/sync';
import { ValidationFailed } from '@vsoko/domain';
import { cleanCell, type SourceRow } from './source-table';
import { textOf } from './text';

/** Excel saves Russian CSV with «;», other tools with «,» or tabs: the first line tells which. */
export function readCsv(buffer: Buffer): SourceRow[] {
  const text = textOf(buffer, 'csv').replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce(
    (best, d) => (count(first, d) > count(first, best) ? d : best),
    ',',
  );
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (e) {
    throw new ValidationFailed('FILE_UNREADABLE', `CSV не разобран: ${(e as Error).message}`);
  }
  return records.map((cells, i) => ({
    rowNumber: i + 1,
    location: `строка ${i + 1}`,
    cells: cells.map(cleanCell),
  }));
}

const count = (line: string, d: string) => line.split(d).length - 1;
