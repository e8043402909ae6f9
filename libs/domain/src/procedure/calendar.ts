import type { DateWindow } from './values';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** «2023/24» → 2023-08-01 … 2024-07-31: August is the preparation month of the plans. */
export function academicYearBounds(academicYear: string): DateWindow | null {
  const m = /^(\d{4})\/(\d{2})$/.exec(academicYear);
  if (!m) return null;
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) return null;
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

/** 2025-10-06 → «2025/26»: August opens the academic year, as the plans count it. */
export function academicYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 8 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
