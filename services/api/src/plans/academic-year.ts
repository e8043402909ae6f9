/** The academic year a day belongs to: from August (preparation) to July. Dates in UTC are close enough here. */
export function academicYearOf(day: Date): string {
  const year = day.getUTCMonth() >= 7 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
