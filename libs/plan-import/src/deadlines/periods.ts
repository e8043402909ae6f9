import type { DateWindow } from '@vsoko/domain';
import { isoDate, lastDayOf, yearOfMonth } from './months';

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** School periods as months of the academic year: [first month, last month]. */
const PERIODS: Record<string, Array<[number, number]>> = {
  четверт: [
    [9, 10],
    [11, 12],
    [1, 3],
    [4, 5],
  ],
  триместр: [
    [9, 11],
    [12, 2],
    [3, 5],
  ],
  полугоди: [
    [9, 12],
    [1, 5],
  ],
};

/** «1 четверть», «II полугодие», «за 2 триместр» → the months the school calendar gives them. */
export function periodWindow(phrase: string, start: number): DateWindow | undefined {
  const m = /(\d|iv|iii|ii|i)\s*-?\s*(?:я|й|го)?\s*(четверт|триместр|полугоди)/.exec(phrase);
  if (!m) return undefined;
  const n = /\d/.test(m[1]) ? Number(m[1]) : ROMAN[m[1]];
  const span = PERIODS[m[2]][n - 1];
  if (!span) return undefined;
  const [a, b] = span;
  const toYear = yearOfMonth(b, start);
  return { from: isoDate(yearOfMonth(a, start), a, 1), to: isoDate(toYear, b, lastDayOf(toYear, b)) };
}
