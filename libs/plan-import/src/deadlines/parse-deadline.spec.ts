import fc from 'fast-check';
import { parseDeadline, type Deadline } from './parse-deadline';
import { MONTH_TITLES } from './months';

const YEAR = '2023/24';
const windows = (d: Deadline) => (d.kind === 'needs-date' ? [] : d.windows);

describe('Russian deadline phrases become windows of the academic year', () => {
  it.each([
    ['октябрь', [['2023-10-01', '2023-10-31']]],
    ['август-сентябрь', [['2023-08-01', '2023-09-30']]],
    ['Октябрь-декабрь 2023г', [['2023-10-01', '2023-12-31']]],
    ['апрель-май ', [['2024-04-01', '2024-05-31']]],
    ['до 15.09', [['2023-09-01', '2023-09-15']]],
    ['2 триместр', [['2023-12-01', '2024-02-29']]],
  ])('«%s» is one window', (text, expected) => {
    const d = parseDeadline(text, YEAR);
    expect(d.kind).toBe('window');
    expect(windows(d).map((w) => [w.from, w.to])).toEqual(expected);
  });

  it('«январь, март, июнь, ноябрь» is four occurrences, in the order of the year', () => {
    const d = parseDeadline('январь, март, июнь, ноябрь,', YEAR);
    expect(d.kind).toBe('occurrences');
    expect(windows(d).map((w) => w.from)).toEqual(['2023-11-01', '2024-01-01', '2024-03-01', '2024-06-01']);
  });

  it.each([
    ['в течение года', undefined],
    ['в течение года\nв соответствии с ежегодным планом повышения квалификации', undefined],
    ['постоянно', 'constant'],
    ['ежедневно', 'daily'],
  ])('«%s» is the whole year', (text, recurrence) => {
    const d = parseDeadline(text, YEAR);
    expect(d).toMatchObject({ kind: 'whole-year', windows: [{ from: '2023-08-01', to: '2024-07-31' }] });
    if (d.kind === 'whole-year') expect(d.recurrence).toBe(recurrence);
  });

  it.each(['по графику', 'в соответствии с планом РМО', 'В соответствии с « дорожной картой» ГИА', ''])(
    '«%s» has no date and is flagged, with a reason',
    (text) => {
      const d = parseDeadline(text, YEAR);
      expect(d.kind).toBe('needs-date');
      if (d.kind === 'needs-date') expect(d.reason.length).toBeGreaterThan(5);
    },
  );

  it('a range that runs past July is cut at the end of the year, with a warning', () => {
    const d = parseDeadline('июль - август', YEAR);
    expect(windows(d)).toEqual([{ from: '2024-07-01', to: '2024-07-31' }]);
    expect(d.warnings[0]).toMatch(/выходит за учебный год/);
  });

  it('a stated year that is not the plan’s year is not moved silently', () => {
    expect(parseDeadline('октябрь 2021 г.', YEAR).kind).toBe('needs-date');
  });
});

const monthNumber = fc.integer({ min: 1, max: 12 });
const academicOrder = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7];
const startYear = fc.integer({ min: 2000, max: 2090 });
const yearOf = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
const casing = (s: string) => fc.constantFrom(s, s.toUpperCase(), s[0].toUpperCase() + s.slice(1));

describe('deadline parser properties', () => {
  it('never throws, and every dated answer lies inside its academic year, ends after it starts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), startYear, (text, start) => {
        const year = yearOf(start);
        const d = parseDeadline(text, year);
        if (d.kind === 'needs-date') return d.reason.length > 0;
        return windows(d).every(
          (w) => w.from <= w.to && w.from >= `${start}-08-01` && w.to <= `${start + 1}-07-31`,
        );
      }),
    );
  });

  it('any month name, in any case, is that month of the academic year', () => {
    fc.assert(
      fc.property(
        monthNumber.chain((m) => fc.tuple(fc.constant(m), casing(MONTH_TITLES[m]))),
        startYear,
        ([m, word], start) => {
          const [w] = windows(parseDeadline(word, yearOf(start)));
          const y = m >= 8 ? start : start + 1;
          return w.from === `${y}-${String(m).padStart(2, '0')}-01`;
        },
      ),
    );
  });

  it('a list of distinct months gives one occurrence per month', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(monthNumber, { minLength: 2, maxLength: 12 }),
        fc.constantFrom(', ', ',', ' и ', '; '),
        (months, sep) => {
          const d = parseDeadline(months.map((m) => MONTH_TITLES[m]).join(sep), YEAR);
          return d.kind === 'occurrences' && d.windows.length === months.length;
        },
      ),
    );
  });

  it('a range in the order of the year covers both ends and nothing more', () => {
    const pair = fc
      .tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }))
      .filter(([a, b]) => a < b)
      .map(([a, b]) => [academicOrder[a], academicOrder[b]]);
    fc.assert(
      fc.property(pair, fc.constantFrom('-', ' - ', '–', ' — '), ([a, b], dash) => {
        const d = parseDeadline(`${MONTH_TITLES[a]}${dash}${MONTH_TITLES[b]}`, YEAR);
        const [w] = windows(d);
        return (
          d.kind === 'window' &&
          w.from.slice(5, 7) === String(a).padStart(2, '0') &&
          w.to.slice(5, 7) === String(b).padStart(2, '0')
        );
      }),
    );
  });
});
