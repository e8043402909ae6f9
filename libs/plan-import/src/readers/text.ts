import { ValidationFailed } from '@vsoko/domain';

/** Files people send by mistake instead of a plan, by their first bytes. */
const SIGNATURES: Array<[Buffer, string]> = [
  [Buffer.from('89504e47', 'hex'), 'изображение PNG'],
  [Buffer.from('ffd8ff', 'hex'), 'изображение JPEG'],
  [Buffer.from('GIF8'), 'изображение GIF'],
  [Buffer.from('%PDF'), 'документ PDF'],
  [Buffer.from('d0cf11e0', 'hex'), 'документ старого формата Word или Excel (.doc, .xls)'],
  [Buffer.from('504b0304', 'hex'), 'архив ZIP или документ Word/Excel'],
  [Buffer.from('Rar!'), 'архив RAR'],
  [Buffer.from('377abcaf', 'hex'), 'архив 7z'],
];

/**
 * The text of a CSV or JSON plan. UTF-8 when it is valid UTF-8, otherwise Windows-1251 (what Russian Excel
 * writes for «CSV (разделители — точка с запятой)»). A file with binary content is refused with what it looks
 * like, instead of being read as a table of garbage.
 */
export function textOf(buffer: Buffer, format: 'csv' | 'json'): string {
  const kind = SIGNATURES.find(([magic]) => buffer.subarray(0, magic.length).equals(magic))?.[1];
  const expected = format === 'csv' ? 'таблицу CSV' : 'текст JSON';
  if (kind) {
    throw new ValidationFailed(
      'FILE_NOT_A_PLAN',
      `Файл — ${kind}, а ожидается ${expected}: загрузите план в .docx, .xlsx, .csv или .json`,
      { looksLike: kind },
    );
  }
  if (hasBinaryContent(buffer)) {
    throw new ValidationFailed(
      'FILE_NOT_A_PLAN',
      `Файл не текстовый (в нём двоичные данные), а ожидается ${expected}: загрузите план в .docx, .xlsx, .csv или .json`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1251').decode(buffer);
  }
}

/** NUL bytes, or more than 1 % control characters other than tab and line breaks, in the first 64 kB. */
function hasBinaryContent(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > head.length / 100;
}
