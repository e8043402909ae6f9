import { addDays, ruDate, russianDefaultCalendar, type DateWindow, type SchoolCalendar } from '@vsoko/domain';
import { isoDate, lastDayOf, yearOfMonth } from './months';

/**
 * The calendar a plan's school periods are read against: the school's own for the plan's year, or — when the
 * school has none — the shipped default, which the preview says it used.
 */
export interface PeriodCalendar {
  calendar: SchoolCalendar;
  source: 'school' | 'default';
}

/** The school's own calendar for the year, else the shipped default standing in for it, else none. */
export function periodCalendarFor(
  academicYear: string,
  own: SchoolCalendar | null | undefined,
): PeriodCalendar | undefined {
  if (own) return { calendar: own, source: 'school' };
  const shipped = russianDefaultCalendar(academicYear);
  return shipped ? { calendar: shipped, source: 'default' } : undefined;
}

/** Where the dates of a period phrase came from: a calendar, or fixed month spans when no calendar is known. */
export type PeriodSource = PeriodCalendar['source'] | 'months';

/** A phrase about school periods, resolved: its windows, what they are called, and by what. */
export interface ResolvedPeriod {
  windows: DateWindow[];
  /** «I четверть», «осенние каникулы», «конец I и II полугодия» … */
  label: string;
  source: PeriodSource;
  warnings: string[];
}

type PeriodKind = 'четверт' | 'триместр' | 'полугоди';

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ROMAN_OF = ['', 'I', 'II', 'III', 'IV'];

/** How many periods of a kind a year has, and what one is called. */
const KINDS: Record<
  PeriodKind,
  { count: number; title: (n: number) => string; every: string; termKind?: string }
> = {
  четверт: {
    count: 4,
    title: (n) => `${ROMAN_OF[n]} четверть`,
    every: 'каждая четверть',
    termKind: 'quarter',
  },
  триместр: { count: 3, title: (n) => `${n}-й триместр`, every: 'каждый триместр', termKind: 'trimester' },
  полугоди: { count: 2, title: (n) => `${ROMAN_OF[n]} полугодие`, every: 'каждое полугодие' },
};

/** Without a calendar: the periods as months of the academic year, [first month, last month]. */
const MONTH_SPANS: Record<PeriodKind, Array<[number, number]>> = {
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

const SEASONS = ['осен', 'зим', 'весен', 'летн'] as const;
type Season = (typeof SEASONS)[number];
const SEASON_TITLES: Record<Season, string> = {
  осен: 'осенние каникулы',
  зим: 'зимние каникулы',
  весен: 'весенние каникулы',
  летн: 'летние каникулы',
};
/**
 * Without a calendar: the holidays the Ministry usually recommends, as [month, day] of their first and last day.
 * Summer ends with July here: August is the next academic year's (its preparation month).
 */
const SEASON_SPANS: Record<Season, [[number, number], [number, number]]> = {
  осен: [
    [10, 27],
    [11, 4],
  ],
  зим: [
    [12, 29],
    [1, 8],
  ],
  весен: [
    [3, 23],
    [3, 31],
  ],
  летн: [
    [6, 1],
    [7, 31],
  ],
};

/**
 * «в начале …», «в конце …»: the first or last two weeks of the period — the fortnight in which a term's entry or
 * closing tests and reports are usually done. «до конца …» is the whole period (due at its end).
 */
const EDGE_DAYS = 14;

const NUMBERED = /(\d|iv|iii|ii|i)\s*-?\s*(?:ую|ой|го|я|й|ю|е)?\s*(четверт|триместр|полугоди)/;
const UNNUMBERED = /(?:^|[^а-я])(четверт|триместр|полугоди)/;
const YEAR_EDGE =
  /(начал[оаеу]?|конц[еау]|конец|итог[аи]м?|окончани[иея]|завершени[иея])\s+(?:нового\s+)?(?:учебного\s+)?года/;
const HOLIDAYS = /каникул/;
const BY_THE_END = /(^|\s)до\s+конц/;

/**
 * School periods in a deadline phrase, resolved against the calendar when one is given: «1 четверть», «по итогам
 * II четверти», «за 2 триместр», «в конце полугодия» (each half-year), «по итогам четвертей» (each quarter),
 * «в каникулы» (each holiday), «в осенние каникулы», «в начале учебного года», «по итогам учебного года».
 * Undefined when the phrase names no school period.
 */
export function resolvePeriod(
  phrase: string,
  start: number,
  calendar?: PeriodCalendar,
): ResolvedPeriod | undefined {
  const edge = BY_THE_END.test(phrase)
    ? undefined
    : /(^|\s)начал[оаеу]?(\s|$)/.test(phrase)
      ? 'start'
      : /(^|\s)(конц[еау]|конец)(\s|$)/.test(phrase)
        ? 'end'
        : undefined;
  const resolved =
    numberedPeriod(phrase, start, calendar) ??
    yearEdge(phrase, start, calendar) ??
    everyPeriod(phrase, start, calendar) ??
    holidays(phrase, start, calendar);
  if (!resolved) return undefined;
  if (!edge || resolved.edgeApplied) return resolved;
  return {
    ...resolved,
    label: `${resolved.label}, ${edge === 'start' ? 'первые' : 'последние'} две недели`,
    windows: resolved.windows.map((w) => edgeOf(w, edge)),
  };
}

/** The months span of «1 четверть», «II полугодие», «за 2 триместр» — the reading before calendars. */
export function periodWindow(phrase: string, start: number): DateWindow | undefined {
  const resolved = numberedPeriod(phrase, start, undefined);
  return resolved?.windows[0];
}

/** «По итогам I четверти (по календарю школы): 01.09.2027 — 23.10.2027» — what the preview shows of a period. */
export function describePeriod(phrase: string, resolved: ResolvedPeriod): string {
  const by = { school: 'по календарю школы', default: 'по календарю по умолчанию', months: 'по месяцам' };
  const dates = resolved.windows.map((w) => `${ruDate(w.from)} — ${ruDate(w.to)}`).join('; ');
  return `Срок «${phrase}» — ${resolved.label} ${by[resolved.source]}: ${dates}`;
}

type Found = ResolvedPeriod & { edgeApplied?: boolean };

function edgeOf(w: DateWindow, edge: 'start' | 'end'): DateWindow {
  if (edge === 'start') {
    const to = addDays(w.from, EDGE_DAYS - 1);
    return { from: w.from, to: to < w.to ? to : w.to };
  }
  const from = addDays(w.to, -(EDGE_DAYS - 1));
  return { from: from > w.from ? from : w.from, to: w.to };
}

function numberedPeriod(phrase: string, start: number, calendar?: PeriodCalendar): Found | undefined {
  const m = NUMBERED.exec(phrase);
  if (!m) return undefined;
  const kind = m[2] as PeriodKind;
  const n = /\d/.test(m[1]) ? Number(m[1]) : ROMAN[m[1]];
  if (!(n >= 1 && n <= KINDS[kind].count)) return undefined;
  return periodsOf(kind, start, calendar, [n]);
}

function everyPeriod(phrase: string, start: number, calendar?: PeriodCalendar): Found | undefined {
  const m = UNNUMBERED.exec(phrase);
  if (!m) return undefined;
  const kind = m[1] as PeriodKind;
  return periodsOf(
    kind,
    start,
    calendar,
    Array.from({ length: KINDS[kind].count }, (_, i) => i + 1),
  );
}

/** The numbered periods of a kind: the calendar's terms (half-years from them), else the month spans. */
function periodsOf(
  kind: PeriodKind,
  start: number,
  calendar: PeriodCalendar | undefined,
  numbers: number[],
): Found {
  const label = numbers.length === 1 ? KINDS[kind].title(numbers[0]) : KINDS[kind].every;
  const warnings: string[] = [];
  const c = calendar?.calendar;
  if (c) {
    const ofCalendar =
      kind === 'полугоди' ? halvesOf(c) : c.termKind === KINDS[kind].termKind ? c.terms : null;
    if (ofCalendar) {
      return {
        windows: numbers.map((n) => ({ from: ofCalendar[n - 1].from, to: ofCalendar[n - 1].to })),
        label,
        source: calendar.source,
        warnings,
      };
    }
    warnings.push(
      `В календаре школы год делится на ${c.termKind === 'quarter' ? 'четверти' : 'триместры'}, а срок назван через ${
        kind === 'четверт' ? 'четверть' : 'триместр'
      }: период взят по месяцам`,
    );
  }
  return {
    windows: numbers.map((n) => monthSpan(MONTH_SPANS[kind][n - 1], start)),
    label,
    source: 'months',
    warnings,
  };
}

/**
 * Half-years from the terms: with quarters, I and II then III and IV; with trimesters, up to the winter holidays
 * and after them (the 2nd trimester spans the new year).
 */
function halvesOf(c: SchoolCalendar): DateWindow[] {
  const first = c.terms[0];
  const last = c.terms[c.terms.length - 1];
  if (c.termKind === 'quarter') {
    return [
      { from: first.from, to: c.terms[1].to },
      { from: c.terms[2].from, to: last.to },
    ];
  }
  const newYear = `${first.from.slice(0, 4)}-12-31`;
  const winter = c.daysOff.find((d) => d.kind === 'vacation' && d.from <= newYear && newYear <= d.to);
  return [
    { from: first.from, to: winter ? addDays(winter.from, -1) : newYear },
    { from: winter ? addDays(winter.to, 1) : addDays(newYear, 1), to: last.to },
  ];
}

/** «в начале учебного года» (its first two weeks), «по итогам учебного года», «в конце учебного года» (its last). */
function yearEdge(phrase: string, start: number, calendar?: PeriodCalendar): Found | undefined {
  const m = YEAR_EDGE.exec(phrase);
  if (!m) return undefined;
  const c = calendar?.calendar;
  const year: DateWindow = c
    ? { from: c.terms[0].from, to: c.terms[c.terms.length - 1].to }
    : { from: isoDate(start, 9, 1), to: isoDate(start + 1, 5, 31) };
  const atStart = m[1].startsWith('начал');
  const whole = BY_THE_END.test(phrase);
  return {
    windows: [whole ? year : edgeOf(year, atStart ? 'start' : 'end')],
    label: whole ? 'учебный год' : atStart ? 'начало учебного года' : 'конец учебного года',
    source: c ? calendar.source : 'months',
    warnings: [],
    edgeApplied: true,
  };
}

/** «в каникулы» (each holiday of the year), «в осенние каникулы», «летние каникулы». */
function holidays(phrase: string, start: number, calendar?: PeriodCalendar): Found | undefined {
  if (!HOLIDAYS.test(phrase)) return undefined;
  const named = SEASONS.filter((s) => new RegExp(`(^|[^а-я])${s}`).test(phrase));
  const seasons: readonly Season[] = named.length > 0 ? named : (['осен', 'зим', 'весен'] as const);
  const c = calendar?.calendar;
  const windows = seasons.map((s) => (c ? seasonOf(c, s) : undefined) ?? seasonSpan(s, start));
  const label =
    named.length > 0 ? named.map((s) => SEASON_TITLES[s]).join(', ') : 'каждые каникулы учебного года';
  return {
    windows: dedupe(windows).sort((a, b) => a.from.localeCompare(b.from)),
    label,
    source: c ? calendar.source : 'months',
    warnings: [],
    edgeApplied: true,
  };
}

/** A season's holidays in the calendar: the vacation whose name says it, else the one in its months. */
function seasonOf(c: SchoolCalendar, season: Season): DateWindow | undefined {
  if (season === 'летн') {
    const last = c.terms[c.terms.length - 1];
    return { from: addDays(last.to, 1), to: `${last.to.slice(0, 4)}-07-31` };
  }
  const vacations = c.daysOff.filter((d) => d.kind === 'vacation');
  const months: Record<Exclude<Season, 'летн'>, number[]> = { осен: [10, 11], зим: [12, 1], весен: [3, 4] };
  const found =
    vacations.find((d) => d.name.toLowerCase().replace(/ё/g, 'е').includes(season)) ??
    vacations.find((d) => months[season].includes(Number(d.from.slice(5, 7))));
  return found ? { from: found.from, to: found.to } : undefined;
}

function seasonSpan(season: Season, start: number): DateWindow {
  const [[m1, d1], [m2, d2]] = SEASON_SPANS[season];
  return { from: isoDate(yearOfMonth(m1, start), m1, d1), to: isoDate(yearOfMonth(m2, start), m2, d2) };
}

function monthSpan([a, b]: [number, number], start: number): DateWindow {
  const toYear = yearOfMonth(b, start);
  return { from: isoDate(yearOfMonth(a, start), a, 1), to: isoDate(toYear, b, lastDayOf(toYear, b)) };
}

function dedupe(windows: DateWindow[]): DateWindow[] {
  return windows.filter((w, i) => windows.findIndex((o) => o.from === w.from && o.to === w.to) === i);
}
