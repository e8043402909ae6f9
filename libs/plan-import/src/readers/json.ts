import { ValidationFailed } from '@vsoko/domain';
import { cleanCell, type SourceRow } from './source-table';
import { textOf } from './text';

/**
 * A table as JSON: an array of rows, each an array of cell texts, or an object `{ "rows": [...] }`. Rows
 * given as objects keep their keys' order, and the keys of the first one become the header row.
 */
export function readJson(buffer: Buffer): SourceRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textOf(buffer, 'json').replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof ValidationFailed) throw e;
    throw new ValidationFailed('FILE_UNREADABLE', `JSON не разобран: ${(e as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown })?.rows;
  if (!Array.isArray(list)) {
    throw new ValidationFailed(
      'FILE_UNREADABLE',
      'JSON: ожидается массив строк таблицы или { "rows": [...] }',
    );
  }
  const table: unknown[][] = [];
  if (list.length > 0 && isRecord(list[0])) table.push(Object.keys(list[0]));
  for (const row of list) table.push(Array.isArray(row) ? row : isRecord(row) ? Object.values(row) : [row]);
  return table.map((cells, i) => ({
    rowNumber: i + 1,
    location: `элемент ${i + 1}`,
    cells: cells.map((c) => cleanCell(c === null || c === undefined ? '' : String(c))),
  }));
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
