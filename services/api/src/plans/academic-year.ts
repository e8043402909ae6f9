import { academicYearOf as ofDate } from '@vsoko/domain';

/** The academic year a day belongs to (its UTC date: close enough for choosing a plan's default year). */
export function academicYearOf(day: Date): string {
  return ofDate(day.toISOString().slice(0, 10));
}
