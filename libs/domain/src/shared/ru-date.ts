/** 2024-03-15 → 15.03.2024, as dates are written in the school's documents. */
export function ruDate(date: string): string {
  return date.split('-').reverse().join('.');
}
