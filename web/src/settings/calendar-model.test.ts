import { describe, expect, it } from 'vitest';
import {
  dayOf,
  monthsOf,
  weeksOf,
  workingDaysOfTerm,
  yearParam,
  type SchoolCalendar,
} from './calendar-model';

const calendar: SchoolCalendar = {
  academicYear: '2025/26',
  termKind: 'quarter',
  weekDays: 5,
  terms: [
    { number: 1, from: '2025-09-01', to: '2025-10-26' },
    { number: 2, from: '2025-11-05', to: '2025-12-30' },
  ],
  daysOff: [
    { kind: 'vacation', from: '2025-10-27', to: '2025-11-04', name: 'Осенние каникулы' },
    { kind: 'transfer', from: '2025-11-03', to: '2025-11-03', name: 'Перенос выходного дня с 1 ноября' },
    { kind: 'public-holiday', from: '2025-11-04', to: '2025-11-04', name: 'День народного единства' },
  ],
  workingWeekends: ['2025-11-01'],
};

describe('a school calendar drawn by month', () => {
  it('draws September to June, weeks from Monday', () => {
    expect(monthsOf('2025/26')[0]).toEqual({ year: 2025, month: 8 });
    expect(monthsOf('2025/26').at(-1)).toEqual({ year: 2026, month: 5 });
    // 1 September 2025 is a Monday.
    expect(weeksOf(2025, 8)[0]).toEqual([
      '2025-09-01',
      '2025-09-02',
      '2025-09-03',
      '2025-09-04',
      '2025-09-05',
      '2025-09-06',
      '2025-09-07',
    ]);
    expect(weeksOf(2025, 10)[0].slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(yearParam('2025/26')).toBe('2025-26');
  });

  it('tells a school day from a holiday, a vacation, a transfer and a working Saturday', () => {
    expect(dayOf('2025-09-01', calendar)).toEqual({ kind: 'term' });
    expect(dayOf('2025-09-06', calendar)).toEqual({ kind: 'weekend' });
    expect(dayOf('2025-11-04', calendar)).toEqual({
      kind: 'public-holiday',
      name: 'День народного единства',
    });
    expect(dayOf('2025-11-03', calendar).kind).toBe('transfer');
    expect(dayOf('2025-10-28', calendar)).toEqual({ kind: 'vacation', name: 'Осенние каникулы' });
    expect(dayOf('2025-11-01', calendar)).toEqual({ kind: 'vacation', name: 'Осенние каникулы' });
    expect(dayOf('2025-12-31', calendar)).toEqual({ kind: 'between-terms' });
  });

  it('counts a term’s working days', () => {
    // 1 September – 26 October 2025: eight weeks of five days.
    expect(workingDaysOfTerm(calendar, calendar.terms[0])).toBe(40);
  });
});
