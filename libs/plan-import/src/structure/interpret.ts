import { directionOfText, type DateWindow, type Direction, type PlannedProcedure } from '@vsoko/domain';
import { parseDeadline, type Deadline } from '../deadlines/parse-deadline';
import type { PeriodCalendar } from '../deadlines/periods';
import { isoDate, lastDayOf, MONTH_TITLES, yearOfMonth } from '../deadlines/months';
import type { PreviewEntry, RowWarning } from '../preview/types';
import type { SourceRow } from '../readers/source-table';
import type { StaffDirectory } from '../staff/directory';
import { matchResponsible, responsibleOf } from '../staff/match-responsible';
import {
  columnsOf,
  MONTHLY_COLUMNS,
  normaliseText,
  signatureOf,
  type ColumnRole,
  type Columns,
} from './columns';
import { directionSection, monthSection } from './sections';

export interface InterpretOptions {
  academicYear: string;
  /** The school's calendar for the year (or the default in its place): terms and holidays in deadlines. */
  calendar?: PeriodCalendar;
  directory: StaffDirectory;
  procedureId(rowKey: string, ordinal: number): string;
  /** Called after each row: a long plan shows its progress. */
  onProgress?(done: number, total: number): void;
}

export interface Interpretation {
  layout: string;
  entries: PreviewEntry[];
  procedures: PlannedProcedure[];
}

const ROW_NUMBER = /^\d+(\.\d+)*\.?$/;

type Fields = Partial<Record<ColumnRole, string>>;

interface LastData {
  row: number;
  fields: Fields;
  direction?: Direction;
}

/**
 * Gives every source row a meaning, top to bottom, the way a person reads the plan: the header fixes the columns;
 * a row with a single text is a month, a direction or a heading that holds until the next one; other rows are
 * procedures. Cells left empty by a merge inherit from the row above, with a warning that says so.
 */
export function interpretRows(rows: SourceRow[], options: InterpretOptions): Interpretation {
  const start = Number(options.academicYear.slice(0, 4));
  const entries: PreviewEntry[] = [];
  const procedures: PlannedProcedure[] = [];
  const ordinals = new Map<string, number>();
  let columns: Columns | undefined;
  let month: number | undefined;
  let direction: { value?: Direction; title: string } | undefined;
  let heading: string | undefined;
  let subHeading: { number: string; title: string } | undefined;
  let mechanism: string | undefined;
  let last: LastData | undefined;

  const sections = () =>
    [
      ...new Set([
        month && columns?.layout !== 'roadmap' ? MONTH_TITLES[month].toUpperCase() : undefined,
        heading,
        subHeading?.title,
        direction?.title,
      ]),
    ]
      .filter(Boolean)
      .join(' › ');

  for (const row of rows) {
    options.onProgress?.(entries.length, rows.length);
    const entry: PreviewEntry = {
      row: row.rowNumber,
      location: row.location,
      became: 'empty',
      text: summary(row.cells),
      warnings: [],
    };
    entries.push(entry);
    const warn = (code: string, message: string) =>
      entry.warnings.push({ row: row.rowNumber, code, message });
    const filled = row.cells.filter((c) => c !== '');
    if (filled.length === 0) continue;

    if (!columns) {
      columns = columnsOf(row.cells);
      if (columns) {
        entry.became = 'header';
        continue;
      }
      if (filled.length < 4 && !row.repeatedHeader) {
        entry.became = 'warning';
        warn('OUTSIDE_TABLE', 'Текст до заголовка таблицы плана: не процедура');
        continue;
      }
      columns = MONTHLY_COLUMNS;
      warn('HEADER_NOT_FOUND', 'Заголовок таблицы не найден: столбцы прочитаны как в плане ВСОКО по месяцам');
    }
    if (row.repeatedHeader || signatureOf(row.cells) === columns.signature) {
      entry.became = 'header';
      continue;
    }

    if (new Set(filled).size === 1) {
      const text = filled[0];
      const m = monthSection(text);
      const d = m === undefined ? directionSection(text) : undefined;
      if (m !== undefined) {
        month = m;
        if (columns.layout === 'monthly') direction = undefined;
      } else if (d !== undefined) {
        direction = { value: d, title: text.replace(/\s+/g, ' ') };
      } else if (columns.layout === 'roadmap' && ROW_NUMBER.test(text)) {
        entry.became = 'warning';
        warn('ROW_WITHOUT_CONTENT', `Пункт ${text} без содержания: это не процедура`);
        continue;
      } else if (
        columns.layout === 'roadmap' &&
        row.cells.indexOf(text) !== columns.roles.indexOf('measure')
      ) {
        heading = text.replace(/\s+/g, ' ');
        subHeading = undefined;
        direction = { value: directionOfText(heading), title: heading };
      } else if (last && /^[а-яё]/.test(text)) {
        // «литературного чтения» under «Посещение уроков»: the rest of the row was merged with the row above.
        const fields = { ...last.fields, method: [last.fields.method, text].filter(Boolean).join(' ') };
        const title = `${titleOf(fields, columns)} (${text})`;
        warn('CONTINUATION_ROW', `Строка дополняет строку ${last.row} (объединённые ячейки): «${title}»`);
        addProcedures(
          entry,
          { ...fields, title },
          last.direction,
          monthDeadline(),
          `${rowKey(fields, columns)}|${text}`,
        );
        continue;
      } else {
        entry.became = 'warning';
        warn(
          'TEXT_WITHOUT_COLUMNS',
          `Текст «${shorten(text)}» не разложен по столбцам плана: это не процедура`,
        );
        continue;
      }
      entry.became = 'section';
      entry.section = text.replace(/\s+/g, ' ');
      if (direction?.value) entry.direction = direction.value;
      continue;
    }

    let cells = fitWidth(row.cells, columns.roles.length);
    // Only the monthly plans have no date column of their own, so a month there can only be a broken section row.
    const split =
      columns.layout === 'monthly'
        ? cells.findIndex((c, i) => i > 0 && (monthSection(c) !== undefined || directionSection(c)))
        : -1;
    let after: (() => void) | undefined;
    if (split > 0) {
      const text = cells[split];
      warn(
        'SECTION_IN_CELL',
        `Заголовок раздела «${shorten(text)}» попал в ячейку строки: раздел начат после неё`,
      );
      cells = cells.slice(0, split);
      after = () => {
        const m = monthSection(text);
        if (m !== undefined) month = m;
        else direction = { value: directionSection(text), title: text.replace(/\s+/g, ' ') };
      };
    }
    const fields = fieldsOf(cells, columns);
    if (columns.layout === 'cyclogram') {
      if (fields.month) month = monthSection(fields.month) ?? month;
      if (fields.mechanism) mechanism = fields.mechanism;
      direction = mechanism ? { value: directionOfText(mechanism), title: mechanism } : direction;
    }
    if (columns.layout === 'roadmap' && isSubHeading(fields, last)) {
      subHeading = { number: fields.number!.replace(/\.$/, ''), title: `${fields.number} ${fields.measure}` };
      entry.became = 'section';
      entry.section = subHeading.title.replace(/\s+/g, ' ');
      continue;
    }
    if (subHeading && fields.number && !fields.number.startsWith(`${subHeading.number}.`))
      subHeading = undefined;
    if (
      columns.layout === 'roadmap' &&
      last &&
      !fields.responsible &&
      !fields.resultForm &&
      isSibling(fields, last)
    ) {
      const inherited = !fields.deadline;
      fields.responsible = last.fields.responsible;
      fields.resultForm = last.fields.resultForm;
      if (inherited) fields.deadline = last.fields.deadline;
      warn(
        'INHERITED_FROM_ROW',
        `${inherited ? 'Срок, ответственный' : 'Ответственный'} и результат взяты из строки ${last.row} (объединённые ячейки)`,
      );
    }
    const deadline = columns.layout === 'roadmap' ? deadlineOf(fields.deadline ?? '') : monthDeadline();
    addProcedures(entry, fields, direction?.value, deadline, rowKey(fields, columns));
    last = { row: row.rowNumber, fields, direction: direction?.value };
    after?.();
  }
  options.onProgress?.(rows.length, rows.length);
  return { layout: columns?.layout ?? 'monthly', entries, procedures };

  function monthDeadline(): { text: string; parsed: Deadline } {
    if (month === undefined) {
      return {
        text: '',
        parsed: { kind: 'needs-date', reason: 'Строка стоит до первого месяца плана', warnings: [] },
      };
    }
    const year = yearOfMonth(month, start);
    const window = { from: isoDate(year, month, 1), to: isoDate(year, month, lastDayOf(year, month)) };
    return { text: MONTH_TITLES[month], parsed: { kind: 'window', windows: [window], warnings: [] } };
  }

  function deadlineOf(text: string): { text: string; parsed: Deadline } {
    return { text, parsed: parseDeadline(text, options.academicYear, options.calendar) };
  }

  function addProcedures(
    entry: PreviewEntry,
    fields: Fields & { title?: string },
    dir: Direction | undefined,
    deadline: { text: string; parsed: Deadline },
    key: string,
  ): void {
    const warn = (code: string, message: string) => entry.warnings.push({ row: entry.row, code, message });
    entry.section = sections() || undefined;
    const title = fields.title ?? titleOf(fields, columns!);
    let direction = dir ?? directionOfText(`${heading ?? ''} ${title}`);
    if (!direction) {
      direction = 'process';
      warn('DIRECTION_ASSUMED', 'Направление не указано: принято «качество образовательного процесса»');
    }
    entry.direction = direction;
    const parsed = deadline.parsed;
    const period = parsed.kind === 'window' || parsed.kind === 'occurrences' ? parsed.period : undefined;
    entry.deadline = {
      text: deadline.text,
      kind: parsed.kind,
      ...(parsed.kind === 'whole-year' && parsed.recurrence ? { recurrence: parsed.recurrence } : {}),
      ...(period ? { period: { label: period.label, source: period.source } } : {}),
    };
    for (const w of parsed.warnings) warn('DEADLINE_ADJUSTED', w);
    // The dates a term or a holiday was taken to mean, for the director to check before approving.
    if (period) warn('DEADLINE_BY_CALENDAR', period.note);
    const responsibleText = fields.responsible ?? '';
    const match = matchResponsible(responsibleText, options.directory);
    if (responsibleText) entry.responsible = { text: match.text, roles: match.roles, unknown: match.unknown };
    if (match.unknown.length > 0) {
      warn(
        'RESPONSIBLE_UNKNOWN',
        `Нет в справочнике сотрудников: ${match.unknown.map((u) => `«${u}»`).join(', ')} — уточните роль`,
      );
    }
    const blocked: RowWarning[] = [];
    if (!title) blocked.push({ row: entry.row, code: 'TITLE_MISSING', message: 'Нет названия процедуры' });
    if (!responsibleText) {
      blocked.push({ row: entry.row, code: 'RESPONSIBLE_MISSING', message: 'Не указан ответственный' });
    }
    if (parsed.kind === 'needs-date') {
      blocked.push({ row: entry.row, code: 'DEADLINE_NEEDS_DATE', message: `Нужна дата: ${parsed.reason}` });
    }
    if (blocked.length > 0) {
      entry.became = 'warning';
      entry.warnings.push(...blocked);
      return;
    }
    const windows: DateWindow[] = parsed.kind === 'needs-date' ? [] : parsed.windows;
    if (windows.length === 1) entry.window = windows[0];
    else entry.occurrences = windows;
    entry.became = 'procedure';
    entry.procedureIds = windows.map((window, i) => {
      const ordinal = ordinals.get(key) ?? 0;
      ordinals.set(key, ordinal + 1);
      const procedureId = options.procedureId(key, ordinal);
      procedures.push({
        procedureId,
        rowKey: `${key}#${ordinal}`,
        sourceRow: entry.row,
        title,
        direction: direction!,
        ...optional('indicator', fields.indicator ?? fields.subMechanism),
        ...optional('object', fields.object),
        ...optional('method', fields.method),
        ...optional('resultForm', fields.resultForm),
        responsible: responsibleOf(match),
        window,
        ...(period ? { periodPhrase: deadline.text.replace(/\s+/g, ' ').trim() } : {}),
        occurrence: { index: i + 1, of: windows.length },
      });
      return procedureId;
    });
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? ({ [key]: v } as Record<K, string>) : {};
}

/** Split cells add empty columns («Повышение … | | Кадровый состав»): drop empty ones until the row fits. */
function fitWidth(cells: string[], width: number): string[] {
  const out = [...cells];
  for (let i = out.length - 1; i >= 0 && out.length > width; i--) if (out[i] === '') out.splice(i, 1);
  return out;
}

function fieldsOf(cells: string[], columns: Columns): Fields {
  const fields: Fields = {};
  columns.roles.forEach((role, i) => {
    if (role && cells[i]) fields[role] = cells[i];
  });
  return fields;
}

function titleOf(fields: Fields, columns: Columns): string {
  const raw =
    columns.layout === 'monthly'
      ? (fields.indicator ?? fields.object ?? fields.method)
      : (fields.measure ?? fields.subMechanism ?? fields.indicator);
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

/** What makes a row the same procedure in a revised file: its wording, not its place or its date. */
function rowKey(fields: Fields, columns: Columns): string {
  const parts =
    columns.layout === 'monthly'
      ? [fields.indicator, fields.object, fields.method]
      : columns.layout === 'cyclogram'
        ? [fields.subMechanism, fields.measure]
        : [fields.measure];
  return `${columns.layout}:${parts.map((p) => normaliseText(p ?? '')).join('|')}`;
}

/** «4.1 Координация деятельности …» with nothing else, not a sibling of the row above: a group heading. */
function isSubHeading(fields: Fields, last: LastData | undefined): boolean {
  if (!fields.number || !fields.measure || fields.deadline || fields.responsible || fields.resultForm)
    return false;
  return !last?.fields.number || parentOf(last.fields.number) !== parentOf(fields.number);
}

const parentOf = (n: string) => n.replace(/\.$/, '').split('.').slice(0, -1).join('.');

/** A row without a number, or numbered beside the row above (4.1.2 after 4.1.1), shares its merged cells. */
function isSibling(fields: Fields, last: LastData): boolean {
  return !fields.number || (!!last.fields.number && parentOf(last.fields.number) === parentOf(fields.number));
}

function summary(cells: string[]): string {
  return shorten(
    cells
      .filter((c) => c !== '')
      .join(' | ')
      .replace(/\s+/g, ' '),
    200,
  );
}

function shorten(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
