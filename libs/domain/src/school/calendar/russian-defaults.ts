import type { DaysOff, SchoolCalendar } from './values';

/*
 * A sensible default for a Russian school with a five-day week and quarters, for a district or a director to
 * start from: the Ministry of Education's recommended holidays (autumn, winter, spring) and the federal public
 * holidays (Labour Code art. 112) with the government's transfers of days off. 2025: Saturday 1 November is a
 * working day, Monday 3 November and Wednesday 31 December are days off. 2026 (decree of the Government of
 * the RF for 2026): Saturday 3 January → Friday 9 January, Sunday 4 January → Thursday 31 December; 8 March,
 * a Sunday, moves to Monday 9 March; 9 May, a Saturday, moves to Monday 11 May. For 2027 no decree is known
 * here: only the holidays that fall on a weekend are moved to the next weekday, as art. 112 says; a region
 * edits the rest.
 */

const publicHoliday = (from: string, to: string, name: string): DaysOff => ({
  kind: 'public-holiday',
  from,
  to,
  name,
});
const vacation = (from: string, to: string, name: string): DaysOff => ({ kind: 'vacation', from, to, name });
const transfer = (day: string, name: string): DaysOff => ({ kind: 'transfer', from: day, to: day, name });

export const RUSSIAN_CALENDAR_2025_26: SchoolCalendar = {
  academicYear: '2025/26',
  termKind: 'quarter',
  weekDays: 5,
  terms: [
    { number: 1, from: '2025-09-01', to: '2025-10-26' },
    { number: 2, from: '2025-11-05', to: '2025-12-30' },
    { number: 3, from: '2026-01-12', to: '2026-03-27' },
    { number: 4, from: '2026-04-06', to: '2026-05-26' },
  ],
  daysOff: [
    vacation('2025-10-27', '2025-11-04', 'Осенние каникулы'),
    transfer('2025-11-03', 'Перенос выходного дня с 1 ноября'),
    publicHoliday('2025-11-04', '2025-11-04', 'День народного единства'),
    transfer('2025-12-31', 'Перенос выходного дня с 5 января'),
    vacation('2025-12-31', '2026-01-11', 'Зимние каникулы'),
    publicHoliday('2026-01-01', '2026-01-08', 'Новогодние каникулы и Рождество Христово'),
    transfer('2026-01-09', 'Перенос выходного дня с 3 января'),
    publicHoliday('2026-02-23', '2026-02-23', 'День защитника Отечества'),
    publicHoliday('2026-03-09', '2026-03-09', 'Международный женский день (перенос с 8 марта)'),
    vacation('2026-03-28', '2026-04-05', 'Весенние каникулы'),
    publicHoliday('2026-05-01', '2026-05-01', 'Праздник Весны и Труда'),
    publicHoliday('2026-05-11', '2026-05-11', 'День Победы (перенос с 9 мая)'),
    publicHoliday('2026-06-12', '2026-06-12', 'День России'),
  ],
  workingWeekends: ['2025-11-01'],
};

export const RUSSIAN_CALENDAR_2026_27: SchoolCalendar = {
  academicYear: '2026/27',
  termKind: 'quarter',
  weekDays: 5,
  terms: [
    { number: 1, from: '2026-09-01', to: '2026-10-25' },
    { number: 2, from: '2026-11-05', to: '2026-12-30' },
    { number: 3, from: '2027-01-11', to: '2027-03-19' },
    { number: 4, from: '2027-03-29', to: '2027-05-25' },
  ],
  daysOff: [
    vacation('2026-10-26', '2026-11-03', 'Осенние каникулы'),
    publicHoliday('2026-11-04', '2026-11-04', 'День народного единства'),
    transfer('2026-12-31', 'Перенос выходного дня с 4 января'),
    vacation('2026-12-31', '2027-01-10', 'Зимние каникулы'),
    publicHoliday('2027-01-01', '2027-01-08', 'Новогодние каникулы и Рождество Христово'),
    publicHoliday('2027-02-23', '2027-02-23', 'День защитника Отечества'),
    publicHoliday('2027-03-08', '2027-03-08', 'Международный женский день'),
    vacation('2027-03-20', '2027-03-28', 'Весенние каникулы'),
    publicHoliday('2027-05-03', '2027-05-03', 'Праздник Весны и Труда (перенос с 1 мая)'),
    publicHoliday('2027-05-10', '2027-05-10', 'День Победы (перенос с 9 мая)'),
    publicHoliday('2027-06-14', '2027-06-14', 'День России (перенос с 12 июня)'),
  ],
  workingWeekends: [],
};

const DEFAULTS: Record<string, SchoolCalendar> = {
  [RUSSIAN_CALENDAR_2025_26.academicYear]: RUSSIAN_CALENDAR_2025_26,
  [RUSSIAN_CALENDAR_2026_27.academicYear]: RUSSIAN_CALENDAR_2026_27,
};

/** The shipped default for an academic year, or null for a year we ship none for. */
export function russianDefaultCalendar(academicYear: string): SchoolCalendar | null {
  return DEFAULTS[academicYear] ?? null;
}
