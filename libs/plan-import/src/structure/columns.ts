/** What a column of a plan table holds, recognised from its header text. */
export type ColumnRole =
  | 'number'
  | 'month'
  | 'mechanism'
  | 'subMechanism'
  | 'indicator'
  | 'object'
  | 'method'
  | 'measure'
  | 'deadline'
  | 'responsible'
  | 'resultForm';

const HEADERS: Array<[RegExp, ColumnRole]> = [
  [/^№|п\s*\/\s*п/, 'number'],
  [/^месяц/, 'month'],
  [/механизм/, 'mechanism'],
  [/показател/, 'indicator'],
  [/объект/, 'object'],
  [/метод/, 'method'],
  [/мероприяти|содержание|процедур/, 'measure'],
  [/срок/, 'deadline'],
  [/ответствен|исполнител/, 'responsible'],
  [/форм|результат|документ/, 'resultForm'],
];

export type Layout = 'monthly' | 'roadmap' | 'cyclogram';

export interface Columns {
  layout: Layout;
  roles: Array<ColumnRole | undefined>;
  /** The header's cells as normalised text, to spot it again on later pages. */
  signature: string;
}

export const normaliseText = (text: string) =>
  text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** A header row names at least three known columns; an empty cell right after «Механизмы» is the sub-mechanism. */
export function columnsOf(cells: string[]): Columns | undefined {
  const roles = cells.map((cell) => HEADERS.find(([re]) => re.test(normaliseText(cell)))?.[1]);
  if (roles.filter(Boolean).length < 3) return undefined;
  roles.forEach((role, i) => {
    if (role === undefined && roles[i - 1] === 'mechanism' && cells[i].trim() === '')
      roles[i] = 'subMechanism';
  });
  // Excel reports the width of the widest row: empty header cells at the end are no columns.
  while (roles.length > 0 && roles[roles.length - 1] === undefined && !cells[roles.length - 1]?.trim())
    roles.pop();
  const layout: Layout = roles.includes('month')
    ? 'cyclogram'
    : roles.includes('deadline')
      ? 'roadmap'
      : 'monthly';
  return { layout, roles, signature: signatureOf(cells) };
}

export function signatureOf(cells: string[]): string {
  return cells
    .map(normaliseText)
    .filter((c) => c !== '')
    .join('|');
}

/** Used when a table has no header row: the column order of the monthly ВСОКО plans (seed 000). */
export const MONTHLY_COLUMNS: Columns = {
  layout: 'monthly',
  roles: ['indicator', 'object', 'method', 'responsible', 'resultForm'],
  signature: '',
};
