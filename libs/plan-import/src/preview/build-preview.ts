import { ValidationFailed, academicYearBounds, type SchoolCalendar } from '@vsoko/domain';
import { periodCalendarFor, type PeriodCalendar } from '../deadlines/periods';
import { readSource, type UploadLimits } from '../readers';
import { DEFAULT_DIRECTORY, type StaffDirectory } from '../staff/directory';
import { interpretRows } from '../structure/interpret';
import { academicYearInHeading } from './heading-year';
import { importIdOf, planProcedureId, sha256 } from './procedure-id';
import type { PlanPreview, PreviewEntry, RowOutcome, RowWarning } from './types';

export interface PreviewInput {
  schoolId: string;
  /** The year the caller names (`--year`, the API's academicYear); without it the heading's year is taken. */
  academicYear?: string;
  /** Used when neither the caller nor the heading names a year (the current academic year, usually). */
  defaultAcademicYear?: string;
  fileName: string;
  bytes: Buffer;
  /** The school's own calendars by academic year («2025/26»): terms and holidays in deadlines are read by them. */
  calendars?: Readonly<Record<string, SchoolCalendar>>;
  directory?: StaffDirectory;
  limits?: UploadLimits;
  onProgress?(done: number, total: number): void;
}

/** Reads the file and says what every row would become; changes nothing anywhere. */
export async function buildPreview(input: PreviewInput): Promise<PlanPreview> {
  for (const year of [input.academicYear, input.defaultAcademicYear]) {
    if (year !== undefined && !academicYearBounds(year)) {
      throw new ValidationFailed('ACADEMIC_YEAR_INVALID', 'Учебный год указывается как «2023/24»');
    }
  }
  const source = await readSource(input.fileName, input.bytes, input.limits);
  const named = academicYearInHeading(source.heading);
  const academicYear = input.academicYear ?? named?.academicYear ?? input.defaultAcademicYear;
  if (!academicYear) {
    throw new ValidationFailed(
      'ACADEMIC_YEAR_REQUIRED',
      'Учебный год не указан ни в заголовке плана, ни в запросе: укажите его, например «2025/26»',
    );
  }
  const calendar = calendarFor(academicYear, input.calendars);
  const { layout, entries, procedures } = interpretRows(source.rows, {
    academicYear,
    ...(calendar ? { calendar } : {}),
    directory: input.directory ?? DEFAULT_DIRECTORY,
    onProgress: input.onProgress,
    procedureId: (key, ordinal) => planProcedureId(input.schoolId, academicYear, key, ordinal),
  });
  const warnings = entries.flatMap((e) => e.warnings);
  if (named && input.academicYear !== undefined && named.academicYear !== input.academicYear) {
    // The caller's year stands (they said it), but a plan written for another year is worth a second look.
    warnings.unshift({
      row: 0,
      code: 'ACADEMIC_YEAR_CONFLICT',
      message: `В заголовке плана указан ${named.academicYear} учебный год («${named.text}»), а импорт идёт на ${input.academicYear}: проверьте год`,
    });
  }
  const fallback = calendarWarning(academicYear, entries, calendar);
  if (fallback) warnings.unshift(fallback);
  if (procedures.length === 0) throw noPlanIn(entries, warnings);
  const counts: Record<RowOutcome, number> = { procedure: 0, section: 0, header: 0, empty: 0, warning: 0 };
  for (const e of entries) counts[e.became] += 1;
  return {
    importId: importIdOf(input.schoolId, academicYear, input.bytes),
    schoolId: input.schoolId,
    academicYear,
    academicYearFrom: input.academicYear !== undefined ? 'request' : named ? 'heading' : 'default',
    ...(named ? { heading: named.text } : {}),
    source: {
      fileName: input.fileName,
      format: source.format,
      sha256: sha256(input.bytes),
      rows: source.rows.length,
    },
    layout,
    calendar: { source: calendar?.source ?? 'months', academicYear },
    entries,
    procedures,
    warnings,
    summary: { ...counts, procedures: procedures.length, warnings: warnings.length },
  };
}

function calendarFor(academicYear: string, calendars: PreviewInput['calendars']): PeriodCalendar | undefined {
  return periodCalendarFor(academicYear, calendars?.[academicYear]);
}

/** Terms or holidays read without the school's own calendar: the director should check those dates. */
function calendarWarning(
  academicYear: string,
  entries: PreviewEntry[],
  calendar: PeriodCalendar | undefined,
): RowWarning | undefined {
  const rows = (source: string) => entries.filter((e) => e.deadline?.period?.source === source).length;
  const byDefault = rows('default');
  const byMonths = rows('months');
  if (byDefault > 0) {
    return {
      row: 0,
      code: 'CALENDAR_DEFAULT',
      message: `У школы нет календаря на ${academicYear} учебный год: четверти и каникулы в сроках (строк: ${byDefault}) взяты из календаря по умолчанию — проверьте даты или задайте календарь школы`,
    };
  }
  if (byMonths > 0 && !calendar) {
    return {
      row: 0,
      code: 'CALENDAR_MISSING',
      message: `Календаря на ${academicYear} учебный год нет ни у школы, ни по умолчанию: четверти и каникулы в сроках (строк: ${byMonths}) взяты по месяцам — задайте календарь школы`,
    };
  }
  return undefined;
}

/**
 * A file in which no row became a procedure is no plan (a text, a picture saved as .csv, a table of something
 * else). Approving it would cancel the whole plan, so it is refused here, saying why.
 */
function noPlanIn(entries: PreviewEntry[], warnings: RowWarning[]): ValidationFailed {
  const why = entries.some((e) => e.became === 'header')
    ? 'таблица найдена, но ни одна её строка не стала процедурой'
    : 'не найдена таблица плана: нет ни строки заголовка (мероприятие, срок, ответственный …), ни строк процедур';
  const examples = warnings.slice(0, 3).map((w) => `строка ${w.row}: ${w.message}`);
  return new ValidationFailed(
    'PLAN_TABLE_NOT_FOUND',
    `В файле нет плана ВСОКО: ${why}${examples.length > 0 ? `. ${examples.join('; ')}` : ''}`,
    { rows: entries.length, warnings: warnings.slice(0, 10) },
  );
}
