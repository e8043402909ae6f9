import { RUSSIAN_CALENDAR_2025_26, type SchoolCalendar } from '@vsoko/domain';
import { parseDeadline, type Deadline } from './parse-deadline';

const YEAR = '2025/26';
const school = { calendar: RUSSIAN_CALENDAR_2025_26, source: 'school' as const };
const spans = (d: Deadline) => (d.kind === 'needs-date' ? [] : d.windows.map((w) => [w.from, w.to]));
const periodOf = (d: Deadline) => (d.kind === 'window' || d.kind === 'occurrences' ? d.period : undefined);

/** A trimester school of the same year: 01.09–29.11, 08.12–28.02 (winter holidays 29.12–11.01), 09.03–29.05. */
const TRIMESTERS: SchoolCalendar = {
  academicYear: YEAR,
  termKind: 'trimester',
  weekDays: 5,
  terms: [
    { number: 1, from: '2025-09-01', to: '2025-11-29' },
    { number: 2, from: '2025-12-08', to: '2026-02-28' },
    { number: 3, from: '2026-03-09', to: '2026-05-29' },
  ],
  daysOff: [
    { kind: 'vacation', name: 'Осенние каникулы', from: '2025-11-30', to: '2025-12-07' },
    { kind: 'vacation', name: 'Зимние каникулы', from: '2025-12-29', to: '2026-01-11' },
    { kind: 'vacation', name: 'Весенние каникулы', from: '2026-03-01', to: '2026-03-08' },
  ],
  workingWeekends: [],
};

describe('school periods in a deadline are read against the school calendar of the year (quarters, 2025/26)', () => {
  it.each([
    ['по итогам I четверти', [['2025-09-01', '2025-10-26']], 'I четверть'],
    ['до конца 2 четверти', [['2025-11-05', '2025-12-30']], 'II четверть'],
    ['III четверть', [['2026-01-12', '2026-03-27']], 'III четверть'],
    ['за 4-ю четверть', [['2026-04-06', '2026-05-26']], 'IV четверть'],
    ['I полугодие', [['2025-09-01', '2025-12-30']], 'I полугодие'],
    ['по итогам II полугодия', [['2026-01-12', '2026-05-26']], 'II полугодие'],
  ])('«%s» is the term itself: %j', (text, expected, label) => {
    const d = parseDeadline(text, YEAR, school);
    expect(d.kind).toBe('window');
    expect(spans(d)).toEqual(expected);
    expect(periodOf(d)).toMatchObject({ label, source: 'school' });
  });

  it('«в конце полугодия» is the last two weeks of each half-year', () => {
    const d = parseDeadline('в конце полугодия', YEAR, school);
    expect(d.kind).toBe('occurrences');
    expect(spans(d)).toEqual([
      ['2025-12-17', '2025-12-30'],
      ['2026-05-13', '2026-05-26'],
    ]);
  });

  it('«в конце I четверти» is its last two weeks; «по итогам четвертей» is every quarter', () => {
    expect(spans(parseDeadline('в конце I четверти', YEAR, school))).toEqual([['2025-10-13', '2025-10-26']]);
    expect(spans(parseDeadline('по итогам четвертей', YEAR, school))).toEqual(
      RUSSIAN_CALENDAR_2025_26.terms.map((t) => [t.from, t.to]),
    );
  });

  it.each([
    ['в начале учебного года', [['2025-09-01', '2025-09-14']]],
    ['на начало нового учебного года', [['2025-09-01', '2025-09-14']]],
    ['в конце учебного года', [['2026-05-13', '2026-05-26']]],
    ['по итогам учебного года', [['2026-05-13', '2026-05-26']]],
    ['до конца учебного года', [['2025-09-01', '2026-05-26']]],
  ])('«%s» follows the first and last terms: %j', (text, expected) => {
    expect(spans(parseDeadline(text, YEAR, school))).toEqual(expected);
  });

  it('«в каникулы» is each of the year’s holidays; a named one is that one', () => {
    const every = parseDeadline('в каникулы', YEAR, school);
    expect(every.kind).toBe('occurrences');
    expect(spans(every)).toEqual([
      ['2025-10-27', '2025-11-04'],
      ['2025-12-31', '2026-01-11'],
      ['2026-03-28', '2026-04-05'],
    ]);
    expect(spans(parseDeadline('в осенние каникулы', YEAR, school))).toEqual([['2025-10-27', '2025-11-04']]);
    expect(spans(parseDeadline('Весенние каникулы', YEAR, school))).toEqual([['2026-03-28', '2026-04-05']]);
    expect(spans(parseDeadline('летние каникулы', YEAR, school))).toEqual([['2026-05-27', '2026-07-31']]);
  });

  it('says in the note what the phrase became and by which calendar', () => {
    expect(periodOf(parseDeadline('По итогам I четверти', YEAR, school))?.note).toBe(
      'Срок «По итогам I четверти» — I четверть по календарю школы: 01.09.2025 — 26.10.2025',
    );
    const byDefault = parseDeadline('в каникулы', YEAR, { ...school, source: 'default' });
    expect(periodOf(byDefault)?.note).toMatch(
      /каждые каникулы учебного года по календарю по умолчанию: 27\.10\.2025/,
    );
  });

  it('leaves the whole year, months and dates as they were', () => {
    expect(parseDeadline('в течение учебного года', YEAR, school)).toMatchObject({ kind: 'whole-year' });
    expect(spans(parseDeadline('октябрь', YEAR, school))).toEqual([['2025-10-01', '2025-10-31']]);
    expect(periodOf(parseDeadline('октябрь', YEAR, school))).toBeUndefined();
  });
});

describe('a trimester school', () => {
  const trimesters = { calendar: TRIMESTERS, source: 'school' as const };

  it('«за 2 триместр» is its own second trimester, across the new year', () => {
    expect(spans(parseDeadline('за 2 триместр', YEAR, trimesters))).toEqual([['2025-12-08', '2026-02-28']]);
  });

  it('has half-years split by its winter holidays', () => {
    expect(spans(parseDeadline('по итогам полугодия', YEAR, trimesters))).toEqual([
      ['2025-09-01', '2025-12-28'],
      ['2026-01-12', '2026-05-29'],
    ]);
  });

  it('reads «1 четверть» by months, saying the school has no quarters', () => {
    const d = parseDeadline('1 четверть', YEAR, trimesters);
    expect(spans(d)).toEqual([['2025-09-01', '2025-10-31']]);
    expect(periodOf(d)?.source).toBe('months');
    expect(d.warnings[0]).toMatch(/делится на триместры/);
  });
});

describe('without a calendar', () => {
  it('keeps the month spans of before, and says so', () => {
    const d = parseDeadline('по итогам I четверти', '2031/32');
    expect(spans(d)).toEqual([['2031-09-01', '2031-10-31']]);
    expect(periodOf(d)?.source).toBe('months');
    expect(spans(parseDeadline('в каникулы', '2031/32'))).toEqual([
      ['2031-10-27', '2031-11-04'],
      ['2031-12-29', '2032-01-08'],
      ['2032-03-23', '2032-03-31'],
    ]);
  });
});
