import { RUSSIAN_CALENDAR_2025_26, type SchoolCalendar } from '@vsoko/domain';
import fc from 'fast-check';
import { MONTH_TITLES } from './months';
import { parseDecisionDeadline } from './decision-deadline';

const YEAR = '2023/24';
const parse = (text: string, adoptedOn?: string) =>
  parseDecisionDeadline(text, { academicYear: YEAR, ...(adoptedOn ? { adoptedOn } : {}) });

describe('every deadline of seed 002, section 1, read against its meeting', () => {
  it.each([
    // [meeting, deadline as written, meeting's first day, months from, to, due]
    ['педсовет, август 2023', 'Октябрь-декабрь 2023г', '2023-08-01', '2023-10', '2023-12', '2023-12-31'],
    ['педсовет, август 2023', 'Сентябрь- ноябрь2023г ', '2023-08-01', '2023-09', '2023-11', '2023-11-30'],
    ['методсовет, без даты', 'Октябрь-ноябрь 2023', undefined, '2023-10', '2023-11', '2023-11-30'],
    ['методсовет, без даты', 'Октябрь-ноябрь 2023г', undefined, '2023-10', '2023-11', '2023-11-30'],
    ['ШМО, сентябрь 2023', 'Сентябрь 2023г', '2023-09-01', '2023-09', '2023-09', '2023-09-30'],
    ['ШМО, сентябрь 2023', 'Сентябрь-октябрь\n2023г', '2023-09-01', '2023-09', '2023-10', '2023-10-31'],
    ['педсовет, февраль 2024', 'Март 2024г', '2024-02-01', '2024-03', '2024-03', '2024-03-31'],
    ['педсовет, февраль 2024', 'Февраль-март 2024г', '2024-02-01', '2024-02', '2024-03', '2024-03-31'],
    ['педсовет, февраль 2024', 'октябрь', '2024-02-01', '2024-10', '2024-10', '2024-10-31'],
    ['педсовет, май 2024', 'Июнь-август 2024г', '2024-05-01', '2024-06', '2024-08', '2024-08-31'],
  ])('%s: «%s» is due at the end of its last month', (_meeting, text, adoptedOn, from, to, due) => {
    const { deadline, recognised, warnings } = parse(text, adoptedOn);
    expect(recognised).toBe(true);
    expect(warnings).toEqual([]);
    expect(deadline).toEqual({
      asWritten: text.replace(/\s+/g, ' ').trim(),
      parsed: { kind: 'months', from, to, due },
    });
  });

  it('«В течение года» at the August council is due at the end of the 4th term, with check-ins at the others', () => {
    expect(parse('В течение года', '2023-08-01').deadline).toEqual({
      asWritten: 'В течение года',
      parsed: {
        kind: 'year',
        academicYear: YEAR,
        due: '2024-05-31',
        checkIns: ['2023-10-31', '2023-12-31', '2024-03-31'],
      },
    });
  });

  it('«В течение года» adopted in November has only the check-ins still to come', () => {
    const { deadline } = parse('В течение года', '2023-11-01');
    expect(deadline.parsed).toMatchObject({ kind: 'year', checkIns: ['2023-12-31', '2024-03-31'] });
  });

  it('«Постоянно по мере поступления» is standing, checked monthly from the meeting on', () => {
    expect(parse('Постоянно по мере поступления', '2024-02-01').deadline).toEqual({
      asWritten: 'Постоянно по мере поступления',
      parsed: { kind: 'standing', every: 'month', from: '2024-02-01' },
    });
  });

  it('a blank cell is no deadline, recognised as such', () => {
    expect(parse('', '2023-08-01')).toEqual({
      deadline: { parsed: { kind: 'none' } },
      recognised: true,
      warnings: [],
    });
    expect(parse('  \n ', '2023-08-01').deadline).toEqual({ parsed: { kind: 'none' } });
  });
});

describe('other phrases schools write', () => {
  it.each([
    ['без срока', { kind: 'none' }],
    ['ежемесячно', { kind: 'standing', every: 'month', from: '2023-09-01' }],
    ['еженедельно', { kind: 'standing', every: 'week', from: '2023-09-01' }],
    ['до конца I четверти', { kind: 'date', due: '2023-10-31' }],
    ['до 15.09', { kind: 'date', due: '2023-09-15' }],
    [
      'в течение учебного года',
      {
        kind: 'year',
        academicYear: YEAR,
        due: '2024-05-31',
        checkIns: ['2023-10-31', '2023-12-31', '2024-03-31'],
      },
    ],
  ])('«%s»', (text, parsed) => {
    expect(parse(text, '2023-09-01').deadline.parsed).toEqual(parsed);
  });

  it('a phrase with no date in it is kept as written, without a deadline, and flagged', () => {
    const result = parse('в соответствии с планом РМО', '2023-09-01');
    expect(result.recognised).toBe(false);
    expect(result.deadline).toEqual({ asWritten: 'в соответствии с планом РМО', parsed: { kind: 'none' } });
    expect(result.warnings[0]).toMatch(/не распознан/);
  });

  it('a list of months is read from the first to the last, with a warning', () => {
    const result = parse('январь, март', '2023-09-01');
    expect(result.deadline.parsed).toEqual({
      kind: 'months',
      from: '2024-01',
      to: '2024-03',
      due: '2024-03-31',
    });
    expect(result.warnings).toHaveLength(1);
  });
});

const monthNumber = fc.integer({ min: 1, max: 12 });
const adoptedOn = fc
  .date({ min: new Date('2023-08-01T00:00:00Z'), max: new Date('2024-07-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('decision deadline properties', () => {
  it('never throws, keeps the text as written, and anything due is due on or after the month of adoption', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), adoptedOn, (text, day) => {
        const { deadline } = parse(text, day);
        const written = text.replace(/\s+/g, ' ').trim();
        expect(deadline.asWritten).toBe(written === '' ? undefined : written);
        const p = deadline.parsed;
        if (p.kind === 'months') expect(p.due >= `${day.slice(0, 7)}-01` || /\d{4}/.test(text)).toBe(true);
      }),
    );
  });

  it('a month with no year is the first such month not before the month of adoption', () => {
    fc.assert(
      fc.property(monthNumber, adoptedOn, (m, day) => {
        const { parsed } = parse(MONTH_TITLES[m], day).deadline;
        expect(parsed.kind).toBe('months');
        if (parsed.kind !== 'months') return;
        expect(parsed.from).toBe(parsed.to);
        expect(parsed.to >= day.slice(0, 7)).toBe(true);
        const [y, mm] = parsed.to.split('-').map(Number);
        const yearBefore = `${y - 1}-${String(mm).padStart(2, '0')}`;
        expect(yearBefore < day.slice(0, 7)).toBe(true);
      }),
    );
  });

  it('«M1-M2 YYYY» is due on the last day of M2 of YYYY, wherever the meeting was', () => {
    fc.assert(
      fc.property(
        monthNumber,
        monthNumber,
        fc.integer({ min: 2020, max: 2030 }),
        adoptedOn,
        (a, b, year, day) => {
          const [m1, m2] = a <= b ? [a, b] : [b, a];
          const { parsed } = parse(`${MONTH_TITLES[m1]}-${MONTH_TITLES[m2]} ${year}г`, day).deadline;
          const last = new Date(Date.UTC(year, m2, 0)).getUTCDate();
          expect(parsed).toEqual({
            kind: 'months',
            from: `${year}-${String(m1).padStart(2, '0')}`,
            to: `${year}-${String(m2).padStart(2, '0')}`,
            due: `${year}-${String(m2).padStart(2, '0')}-${last}`,
          });
        },
      ),
    );
  });

  it('a standing phrase is never due as a whole, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('постоянно', 'по мере поступления', 'ежемесячно', 'систематически'),
        fc.string({ maxLength: 10 }),
        (word, tail) => {
          expect(parse(`${word} ${tail}`, '2023-09-01').deadline.parsed.kind).toBe('standing');
        },
      ),
    );
  });
});

/**
 * ADR 0016: a decision's terms are the school calendar's, not months. This school's 2025/26 quarters end on
 * 24 October, 26 December, 20 March and 26 May; its trimester neighbour's on 28 November, 27 February, 29 May.
 */
describe('terms in a decision’s deadline, by the school calendar', () => {
  const QUARTERS: SchoolCalendar = {
    ...RUSSIAN_CALENDAR_2025_26,
    terms: [
      { number: 1, from: '2025-09-01', to: '2025-10-24' },
      { number: 2, from: '2025-11-05', to: '2025-12-26' },
      { number: 3, from: '2026-01-12', to: '2026-03-20' },
      { number: 4, from: '2026-03-30', to: '2026-05-26' },
    ],
  };
  const TRIMESTERS: SchoolCalendar = {
    ...RUSSIAN_CALENDAR_2025_26,
    termKind: 'trimester',
    terms: [
      { number: 1, from: '2025-09-01', to: '2025-11-28' },
      { number: 2, from: '2025-12-08', to: '2026-02-27' },
      { number: 3, from: '2026-03-09', to: '2026-05-29' },
    ],
  };
  const given = (calendar: SchoolCalendar | null) => ({
    when: (text: string, adoptedOn: string) =>
      parseDecisionDeadline(text, {
        academicYear: '2025/26',
        adoptedOn,
        ...(calendar ? { calendar: { calendar, source: 'school' as const } } : {}),
      }),
  });

  it('«в течение года»: due at the last term’s end, checked in at the others’ ends', () => {
    const read = given(QUARTERS).when('В течение года', '2025-08-29');
    expect(read.deadline.parsed).toEqual({
      kind: 'year',
      academicYear: '2025/26',
      due: '2026-05-26',
      checkIns: ['2025-10-24', '2025-12-26', '2026-03-20'],
    });
    expect(read.warnings).toEqual([]);
    expect(given(TRIMESTERS).when('в течение учебного года', '2025-08-29').deadline.parsed).toEqual({
      kind: 'year',
      academicYear: '2025/26',
      due: '2026-05-29',
      checkIns: ['2025-11-28', '2026-02-27'],
    });
  });

  it('«ежечетвертно», «ежеквартально», «по итогам каждой четверти»: a check-in at each term’s end still to come', () => {
    for (const text of [
      'ежечетвертно',
      'Ежеквартально',
      'по итогам каждой четверти',
      'по итогам четвертей',
    ]) {
      expect(given(QUARTERS).when(text, '2025-11-10').deadline.parsed).toEqual({
        kind: 'year',
        academicYear: '2025/26',
        due: '2026-05-26',
        checkIns: ['2025-12-26', '2026-03-20'],
      });
    }
    expect(given(TRIMESTERS).when('каждый триместр', '2025-09-05').deadline.parsed).toMatchObject({
      due: '2026-05-29',
      checkIns: ['2025-11-28', '2026-02-27'],
    });
  });

  it('«до конца I четверти», «по итогам II четверти»: that term’s last day', () => {
    expect(given(QUARTERS).when('до конца I четверти', '2025-09-15').deadline.parsed).toEqual({
      kind: 'date',
      due: '2025-10-24',
    });
    expect(given(QUARTERS).when('по итогам II четверти', '2025-09-15').deadline.parsed).toEqual({
      kind: 'date',
      due: '2025-12-26',
    });
  });

  it('«до конца четверти»: the term under way when it was adopted, or the next one in the holidays', () => {
    expect(given(QUARTERS).when('до конца четверти', '2025-11-20').deadline.parsed).toEqual({
      kind: 'date',
      due: '2025-12-26',
    });
    expect(given(QUARTERS).when('до конца четверти', '2025-10-30').deadline.parsed).toEqual({
      kind: 'date',
      due: '2025-12-26',
    });
    expect(given(TRIMESTERS).when('к концу триместра', '2025-12-10').deadline.parsed).toEqual({
      kind: 'date',
      due: '2026-02-27',
    });
  });

  it('without the school’s calendar, the shipped default’s terms; with none for the year, months and a warning', () => {
    const byDefault = parseDecisionDeadline('В течение года', {
      academicYear: '2025/26',
      adoptedOn: '2025-08-29',
      calendar: { calendar: RUSSIAN_CALENDAR_2025_26, source: 'default' },
    });
    const ends = RUSSIAN_CALENDAR_2025_26.terms.map((t) => t.to);
    expect(byDefault.deadline.parsed).toMatchObject({ due: ends[3], checkIns: ends.slice(0, 3) });
    expect(byDefault.warnings).toEqual([]);
    const byMonths = given(null).when('до конца четверти', '2025-11-20');
    expect(byMonths.deadline.parsed).toEqual({ kind: 'date', due: '2025-12-31' });
    expect(byMonths.warnings).toEqual(['Календаря на этот учебный год нет: четверти взяты по месяцам']);
  });
});
