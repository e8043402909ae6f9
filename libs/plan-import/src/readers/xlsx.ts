import ExcelJS from 'exceljs';
import { ValidationFailed } from '@vsoko/domain';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './limits';
import { cleanCell, type SourceRow } from './source-table';
import { unzipBounded } from './zip';

/**
 * Every worksheet's rows. A merged range gives its text to the cells below its top row (a month or a section
 * that spans rows) and leaves the cells to the right of its first column empty, as in Word tables.
 */
export async function readXlsx(
  buffer: Buffer,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<SourceRow[]> {
  const unreadable = () => new ValidationFailed('FILE_UNREADABLE', 'Файл не похож на книгу Excel (.xlsx)');
  // ExcelJS inflates the whole book at once; it gets the file only after every part was counted within limits.
  await unzipBounded(buffer, limits, { keep: () => false, unreadable });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const rows: SourceRow[] = [];
  for (const sheet of workbook.worksheets) {
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        const spannedRight = master !== cell && Number(master.row) === r;
        cells.push(spannedRight ? '' : cleanCell(textOf(master)));
      }
      rows.push({ rowNumber: rows.length + 1, location: `лист «${sheet.name}», строка ${r}`, cells });
    }
  }
  return rows;
}

function textOf(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}
