import { academicYearBounds, ValidationFailed } from '@vsoko/domain';

/** «2026-27» in a path (a slash cannot be in one) → «2026/27». */
export function academicYearParam(value: string): string {
  const year = /^\d{4}-\d{2}$/.test(value) ? value.replace('-', '/') : '';
  if (!academicYearBounds(year)) {
    throw new ValidationFailed('ACADEMIC_YEAR_INVALID', 'Учебный год в адресе: «2026-27»');
  }
  return year;
}
