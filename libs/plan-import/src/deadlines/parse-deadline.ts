import { academicYearBounds, type DateWindow } from '@vsoko/domain';
import { academicIndex, isoDate, lastDayOf, MONTH_TITLES, monthOf, yearOfMonth } from './months';
import { describePeriod, resolvePeriod, type PeriodCalendar, type PeriodSource } from './periods';

export type Recurrence = 'daily' | 'weekly' | 'monthly' | 'constant';

/**
 * What a deadline phrase of a plan means inside one academic year:
 * - `window`: one span («октябрь», «август-сентябрь», «до 15.09»);
 * - `occurrences`: the same work several times («январь, март, июнь, ноябрь» → four windows);
 * - `whole-year`: «в течение года», «постоянно», «ежедневно» (with its recurrence);
 * - `needs-date`: no date in it («по графику», «в соответствии с планом РМО») — shown, never dropped.
 */
export type Deadline =
  | { kind: 'window' | 'occurrences'; windows: DateWindow[]; warnings: string[]; period?: PeriodOfPhrase }
  | { kind: 'whole-year'; windows: [DateWindow]; recurrence?: Recurrence; warnings: string[] }
  | { kind: 'needs-date'; reason: string; warnings: string[] };

/** A phrase that named school periods («по итогам I четверти», «в каникулы»): what they were and by what calendar. */
export interface PeriodOfPhrase {
  label: string;
  source: PeriodSource;
  /** What the preview says of it: the phrase, the period and its dates. */
  note: string;
}

const WHOLE_YEAR: Array<[RegExp, Recurrence | undefined]> = [
  [/ежедневн/, 'daily'],
  [/еженедельн/, 'weekly'],
  [/ежемесячн/, 'monthly'],
  [/постоянн|систематическ|регулярн/, 'constant'],
  [
    /в течени[еи]\s+(всего\s+)?(учебного\s+)?года|весь\s+(учебный\s+)?год|круглогодичн|в течение уч\.?\s*г/,
    undefined,
  ],
];

const DATE = /(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?/g;

export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `calendar`: the school's calendar for the year (or the default standing in for it), against which terms and
 * holidays are read; without one they are fixed month spans.
 */
export function parseDeadline(text: string, academicYear: string, calendar?: PeriodCalendar): Deadline {
  const bounds = academicYearBounds(academicYear);
  if (!bounds) throw new Error(`academic year «${academicYear}» is not like 2023/24`);
  const start = Number(academicYear.slice(0, 4));
  const phrase = normalisePhrase(text);
  if (phrase === '') return { kind: 'needs-date', reason: 'Срок не указан', warnings: [] };

  const dated =
    byDates(phrase, start, bounds) ??
    byMonths(phrase, start) ??
    byPeriod(phrase, start, calendar, text.replace(/\s+/g, ' ').trim());
  if (dated) return dated;
  for (const [re, recurrence] of WHOLE_YEAR) {
    if (re.test(phrase)) {
      return { kind: 'whole-year', windows: [bounds], ...(recurrence ? { recurrence } : {}), warnings: [] };
    }
  }
  return {
    kind: 'needs-date',
    reason: `В сроке «${text.trim()}» нет даты: укажите месяц или период`,
    warnings: [],
  };
}

function byPeriod(
  phrase: string,
  start: number,
  calendar: PeriodCalendar | undefined,
  asWritten: string,
): Deadline | undefined {
  const resolved = resolvePeriod(phrase, start, calendar);
  if (!resolved) return undefined;
  return {
    kind: resolved.windows.length === 1 ? 'window' : 'occurrences',
    windows: resolved.windows,
    warnings: resolved.warnings,
    period: { label: resolved.label, source: resolved.source, note: describePeriod(asWritten, resolved) },
  };
}

/** «15.09», «01.09-15.09.2023», «до 20.05»: day-precise windows. */
function byDates(phrase: string, start: number, bounds: DateWindow): Deadline | undefined {
  const found = [...phrase.matchAll(DATE)];
  if (found.length === 0) return undefined;
  const dates: string[] = [];
  for (const m of found) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || day < 1) return undefined;
    const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : yearOfMonth(month, start);
    if (day > lastDayOf(year, month)) return undefined;
    dates.push(isoDate(year, month, day));
  }
  const outside = dates.filter((d) => d < bounds.from || d > bounds.to);
  if (outside.length > 0) {
    return { kind: 'needs-date', reason: `Дата ${outside.join(', ')} вне учебного года`, warnings: [] };
  }
  const between = phrase.slice(found[0].index! + found[0][0].length, found[1]?.index);
  if (found.length === 2 && /^\s*(-|по|до)\s*$/.test(between)) {
    return dates[0] <= dates[1]
      ? { kind: 'window', windows: [{ from: dates[0], to: dates[1] }], warnings: [] }
      : { kind: 'needs-date', reason: `Период ${dates[0]} — ${dates[1]} перевёрнут`, warnings: [] };
  }
  if (dates.length === 1 && /(^|\s)до\s*$/.test(phrase.slice(0, found[0].index))) {
    const [y, mo] = dates[0].split('-').map(Number);
    return { kind: 'window', windows: [{ from: isoDate(y, mo, 1), to: dates[0] }], warnings: [] };
  }
  const unique = [...new Set(dates)].sort();
  return {
    kind: unique.length === 1 ? 'window' : 'occurrences',
    windows: unique.map((d) => ({ from: d, to: d })),
    warnings: [],
  };
}

interface MonthToken {
  month: number;
  /** Text between the previous month word and this one. */
  before: string;
  year?: number;
}

function monthTokens(phrase: string): MonthToken[] {
  const tokens: MonthToken[] = [];
  const words = /[a-zа-я]+\.?/g;
  let last = 0;
  for (const m of phrase.matchAll(words)) {
    const month = monthOf(m[0]);
    if (month === undefined) continue;
    tokens.push({ month, before: phrase.slice(last, m.index) });
    last = m.index! + m[0].length;
    const year = /^\s*(\d{4})\s*(г\.?|года?)?/.exec(phrase.slice(last));
    if (year) tokens[tokens.length - 1].year = Number(year[1]);
  }
  return tokens;
}

/** «октябрь», «август-сентябрь», «Октябрь-декабрь 2023г», «январь, март, июнь, ноябрь». */
function byMonths(phrase: string, start: number): Deadline | undefined {
  const tokens = monthTokens(phrase);
  if (tokens.length === 0) return undefined;
  const warnings: string[] = [];
  const stated = tokens.find((t) => t.year !== undefined)?.year;
  if (stated !== undefined) {
    const fits = tokens.every((t) => t.year === undefined || t.year === yearOfMonth(t.month, start));
    if (!fits) {
      return {
        kind: 'needs-date',
        reason: `Год в сроке (${stated}) не совпадает с учебным годом ${start}/${String(start + 1).slice(2)}`,
        warnings,
      };
    }
  }
  const groups: Array<[number, number]> = [];
  tokens.forEach((t, i) => {
    if (i > 0 && /^\s*(\d{4}\s*(г\.?|года?)?)?\s*(-|по)\s*$/.test(t.before))
      groups[groups.length - 1][1] = t.month;
    else groups.push([t.month, t.month]);
  });
  const windows: DateWindow[] = [];
  for (const [a, b] of groups) {
    let last = b;
    if (academicIndex(b) < academicIndex(a)) {
      last = 7;
      warnings.push(
        `Период «${monthName(a)} — ${monthName(b)}» выходит за учебный год: принят до конца июля`,
      );
    }
    const from = isoDate(yearOfMonth(a, start), a, 1);
    const toYear = yearOfMonth(last, start);
    const to = isoDate(toYear, last, lastDayOf(toYear, last));
    if (!windows.some((w) => w.from === from && w.to === to)) windows.push({ from, to });
  }
  windows.sort((x, y) => x.from.localeCompare(y.from));
  return { kind: windows.length === 1 ? 'window' : 'occurrences', windows, warnings };
}

const monthName = (m: number) => MONTH_TITLES[m];
