import { ValidationFailed } from '@vsoko/domain';
import { readCsv } from './csv';
import { readDocx } from './docx';
import { readJson } from './json';
import { DEFAULT_UPLOAD_LIMITS, fileTooLarge, type UploadLimits } from './limits';
import { leadingTitleRows, type SourceDocument, type SourceFormat } from './source-table';
import { readXlsx } from './xlsx';

export * from './limits';
export * from './source-table';
export { unzipBounded } from './zip';

/** The format by extension, or by content for a file without one (a zip is Word or Excel by its parts). */
export function detectFormat(fileName: string, buffer: Buffer): SourceFormat {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'docx' || ext === 'xlsx' || ext === 'csv' || ext === 'json') return ext;
  if (ext === 'doc' || ext === 'xls') {
    throw new ValidationFailed(
      'FORMAT_UNSUPPORTED',
      `Старый формат .${ext} не поддерживается: сохраните файл как .${ext}x`,
    );
  }
  if (buffer.subarray(0, 2).toString('latin1') === 'PK') {
    return buffer.includes('word/') ? 'docx' : 'xlsx';
  }
  const head = buffer.subarray(0, 64).toString('utf8').trimStart();
  return head.startsWith('[') || head.startsWith('{') ? 'json' : 'csv';
}

export async function readSource(
  fileName: string,
  buffer: Buffer,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<SourceDocument> {
  if (buffer.length > limits.maxBytes) throw fileTooLarge(limits);
  const format = detectFormat(fileName, buffer);
  const { rows, heading } =
    format === 'docx'
      ? await readDocx(buffer, limits)
      : {
          rows:
            format === 'xlsx'
              ? await readXlsx(buffer, limits)
              : format === 'csv'
                ? readCsv(buffer)
                : readJson(buffer),
          heading: [],
        };
  if (rows.length === 0) {
    throw new ValidationFailed('PLAN_TABLE_NOT_FOUND', 'В файле нет таблицы плана');
  }
  return { format, rows, heading: [...heading, ...leadingTitleRows(rows)] };
}
