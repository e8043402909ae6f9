import { ValidationFailed } from '@vsoko/domain';
import { createHash } from 'node:crypto';
import { readSource } from '../readers';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../readers/limits';
import type { SourceRow } from '../readers/source-table';
import { normaliseClass, readPositions, type ParsedPosition } from './positions-ru';
import { normaliseSubject, splitSubjects } from './subjects';

/** One person of the staff list as read, before anyone looks at who exists already. */
export interface StaffListRow {
  rowNumber: number;
  location: string;
  fullName: string;
  email?: string;
  positions: ParsedPosition[];
  warnings: string[];
  /** Why the row cannot be imported; the others can. */
  error?: string;
}

export interface StaffList {
  /** SHA-256 of the school and the file's bytes: the same file for the same school is the same import. */
  contentKey: string;
  format: string;
  rows: StaffListRow[];
}

type Column =
  | 'fullName'
  | 'surname'
  | 'firstName'
  | 'patronymic'
  | 'position'
  | 'subjects'
  | 'classes'
  | 'classTeacher'
  | 'email';

const HEADERS: Array<[RegExp, Column]> = [
  [/^ф\.?\s*и\.?\s*о\.?|фамилия,?\s+имя|^сотрудник|^работник|^педагог$/, 'fullName'],
  [/^фамилия$/, 'surname'],
  [/^имя$/, 'firstName'],
  [/^отчество$/, 'patronymic'],
  [/должност/, 'position'],
  [/предмет|дисциплин/, 'subjects'],
  [/классн[а-я]*\s+руковод/, 'classTeacher'],
  [/класс/, 'classes'],
  [/e-?mail|почт|эл\.\s*адрес/, 'email'],
];

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const MAX_ROWS = 2000;

function columnsOf(cells: string[]): Map<Column, number> | undefined {
  const found = new Map<Column, number>();
  cells.forEach((cell, i) => {
    const text = cell.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
    const column = HEADERS.find(([re]) => re.test(text))?.[1];
    if (column && !found.has(column)) found.set(column, i);
  });
  const named = found.has('fullName') || found.has('surname');
  return named && found.has('position') ? found : undefined;
}

/**
 * Reads a staff list as schools keep it (XLSX or CSV; a Word table too): a header row with ФИО (or Фамилия,
 * Имя, Отчество), Должность, and optionally Предметы, Классы (or Классное руководство) and E-mail; one person a
 * row. Runs in the parsing thread (see PlanParsePool.staffList); the bounds of plan uploads apply.
 */
export async function readStaffList(input: {
  schoolId: string;
  fileName: string;
  bytes: Buffer;
  limits?: UploadLimits;
}): Promise<StaffList> {
  const limits = input.limits ?? DEFAULT_UPLOAD_LIMITS;
  let source;
  try {
    source = await readSource(input.fileName, input.bytes, limits);
  } catch (e) {
    if (e instanceof ValidationFailed && e.code === 'PLAN_TABLE_NOT_FOUND') throw notAStaffList();
    throw e;
  }
  const headerIndex = source.rows.findIndex((r) => columnsOf(r.cells) !== undefined);
  if (headerIndex < 0) throw notAStaffList();
  const columns = columnsOf(source.rows[headerIndex].cells)!;
  const body = source.rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (body.length > MAX_ROWS) {
    throw new ValidationFailed(
      'STAFF_LIST_TOO_LONG',
      `В списке больше ${MAX_ROWS} строк: разделите его на части`,
    );
  }
  const rows = body.map((r) => readRow(r, columns)).filter((r): r is StaffListRow => r !== undefined);
  if (rows.length === 0) throw notAStaffList();
  markDuplicates(rows);
  const contentKey = createHash('sha256')
    .update(input.schoolId)
    .update('\0')
    .update(input.bytes)
    .digest('hex');
  return { contentKey, format: source.format, rows };
}

function notAStaffList(): ValidationFailed {
  return new ValidationFailed(
    'FILE_NOT_A_STAFF_LIST',
    'В файле не найдена таблица сотрудников: нужны столбцы «ФИО» (или «Фамилия», «Имя», «Отчество») и «Должность»',
  );
}

function readRow(row: SourceRow, columns: Map<Column, number>): StaffListRow | undefined {
  const cell = (c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : (row.cells[i] ?? '').replace(/\s+/g, ' ').trim();
  };
  const fullName = (
    columns.has('fullName')
      ? cell('fullName')
      : [cell('surname'), cell('firstName'), cell('patronymic')].join(' ')
  )
    .replace(/\s+/g, ' ')
    .trim();
  const positionText = row.cells[columns.get('position')!] ?? '';
  if (fullName === '' && positionText.trim() === '') return undefined;
  const { positions, warnings } = readPositions(positionText);
  const result: StaffListRow = {
    rowNumber: row.rowNumber,
    location: row.location,
    fullName,
    positions,
    warnings,
  };

  const subjects = splitSubjects(cell('subjects')).map((s) => normaliseSubject(s).subject);
  if (subjects.length > 0) {
    const teacher = positions.find((p) => p.position === 'teacher');
    if (teacher) teacher.subjects = [...new Set([...(teacher.subjects ?? []), ...subjects])];
    else positions.push({ position: 'teacher', subjects, asWritten: `учитель (${subjects.join(', ')})` });
  }
  const classTeacherClasses = cell('classTeacher');
  const classes = (classTeacherClasses || cell('classes'))
    .split(/[,;\s]+(?=\d)/)
    .map((c) => normaliseClass(c))
    .filter((c): c is string => c !== undefined);
  const bare = positions.filter((p) => p.position === 'class-teacher' && !p.className);
  if (classTeacherClasses && bare.length === 0 && classes.length > 0) {
    for (const className of classes) {
      if (!positions.some((p) => p.position === 'class-teacher' && p.className === className)) {
        positions.push({
          position: 'class-teacher',
          className,
          asWritten: `классный руководитель ${className}`,
        });
      }
    }
  } else if (bare.length > 0) {
    const [first, ...more] = classes;
    if (first) {
      bare[0].className = first;
      for (const className of more) {
        positions.push({
          position: 'class-teacher',
          className,
          asWritten: `классный руководитель ${className}`,
        });
      }
    }
  }
  for (const p of positions) {
    if (p.position === 'class-teacher' && !p.className) {
      warnings.push(
        'Классный руководитель без класса: укажите класс в столбце «Классы» или в должности («… 5А»)',
      );
    }
  }
  const withoutClass = positions.filter((p) => p.position === 'class-teacher' && !p.className);
  result.positions = positions.filter((p) => !withoutClass.includes(p));

  const email = cell('email').toLowerCase();
  if (email !== '') {
    if (EMAIL.test(email)) result.email = email;
    else warnings.push(`Адрес почты «${email}» не похож на адрес: приглашение не отправить`);
  } else {
    warnings.push('Нет адреса почты: приглашение для первого входа не отправить');
  }
  if (fullName.split(' ').length < 2) {
    result.error = fullName === '' ? 'Не указаны ФИО' : `«${fullName}»: нужны фамилия и имя`;
  } else if (fullName.length > 200) {
    result.error = 'ФИО длиннее 200 символов';
  } else if (result.positions.length === 0) {
    result.error =
      positionText.trim() === ''
        ? 'Не указана должность'
        : `Должность «${positionText.trim()}» не распознана`;
  }
  return result;
}

/** The same person twice (same name, or same address) is imported once: the later rows are refused. */
function markDuplicates(rows: StaffListRow[]): void {
  const names = new Map<string, number>();
  const emails = new Map<string, number>();
  for (const row of rows) {
    if (row.error) continue;
    const name = row.fullName.toLowerCase().replace(/ё/g, 'е');
    const earlier = names.get(name) ?? (row.email ? emails.get(row.email) : undefined);
    if (earlier !== undefined) {
      row.error = `Повтор строки ${earlier}: один сотрудник — одна строка (должности перечислите через «;»)`;
      continue;
    }
    names.set(name, row.rowNumber);
    if (row.email) emails.set(row.email, row.rowNumber);
  }
}
