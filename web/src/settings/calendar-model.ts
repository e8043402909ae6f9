/** What `GET /schools/:id/calendars/:year` answers (the domain's SchoolCalendar, as plain data). */
export interface SchoolCalendar {
  academicYear: string;
  termKind: 'quarter' | 'trimester';
  weekDays: 5 | 6;
  terms: { number: number; from: string; to: string }[];
  daysOff: { kind: 'vacation' | 'public-holiday' | 'transfer'; name: string; from: string; to: string }[];
  workingWeekends: string[];
}

export interface CalendarView {
  schoolId: string;
  academicYear: string;
  inForce: boolean;
  source: { kind: 'school' } | { kind: 'district'; districtId: string; version: number } | null;
  calendar: SchoolCalendar | null;
  proposal: SchoolCalendar | null;
  dayOffPolicy: 'next-working-day' | 'keep';
  revision: number;
}

export type DayKind =
  'term' | 'vacation' | 'public-holiday' | 'transfer' | 'weekend' | 'working-weekend' | 'between-terms';

export const DAY_KIND_TITLES: Record<DayKind, string> = {
  term: 'учебный день',
  vacation: 'каникулы',
  'public-holiday': 'праздник',
  transfer: 'выходной по переносу',
  weekend: 'выходной',
  'working-weekend': 'рабочий выходной по переносу',
  'between-terms': 'вне четвертей',
};

export const MONTHS = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
];

/** «2026/27» → «2026-27», as the year goes in an address (a slash cannot). */
export const yearParam = (academicYear: string) => academicYear.replace('/', '-');

/** The months a school calendar is drawn for: September … June of the academic year. */
export function monthsOf(academicYear: string): { year: number; month: number }[] {
  const start = Number(academicYear.slice(0, 4));
  return [8, 9, 10, 11, 0, 1, 2, 3, 4, 5].map((m) => ({ year: m >= 8 ? start : start + 1, month: m }));
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A month as weeks of seven cells (Monday first), each a date or null before the first and after the last day.
 */
export function weeksOf(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => iso(year, month, i + 1)),
  ];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** What a day is in the school's calendar, and the name of its holiday or vacation when it has one. */
export function dayOf(date: string, c: SchoolCalendar): { kind: DayKind; name?: string } {
  const off = [...c.daysOff]
    .sort((a, b) => rank(a.kind) - rank(b.kind))
    .find((d) => d.from <= date && date <= d.to);
  if (off) return { kind: off.kind, name: off.name };
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const rest = weekday === 0 || (c.weekDays === 5 && weekday === 6);
  if (rest) return c.workingWeekends.includes(date) ? { kind: 'working-weekend' } : { kind: 'weekend' };
  return c.terms.some((t) => t.from <= date && date <= t.to) ? { kind: 'term' } : { kind: 'between-terms' };
}

/** A public holiday inside a vacation is shown as the holiday; a transfer as itself. */
function rank(kind: SchoolCalendar['daysOff'][number]['kind']): number {
  return kind === 'public-holiday' ? 0 : kind === 'transfer' ? 1 : 2;
}

/** Working days of each term, as a school counts them (weekends, holidays and transfers out, working Saturdays in). */
export function workingDaysOfTerm(c: SchoolCalendar, term: { from: string; to: string }): number {
  let n = 0;
  for (
    let t = Date.parse(`${term.from}T12:00:00Z`);
    t <= Date.parse(`${term.to}T12:00:00Z`);
    t += 86_400_000
  ) {
    const kind = dayOf(new Date(t).toISOString().slice(0, 10), c).kind;
    if (kind === 'term' || kind === 'working-weekend') n++;
  }
  return n;
}
