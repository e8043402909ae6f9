import { describe, expect, it } from 'vitest';
import { academicYearOf, endOfSchoolDay, formatDate, formatDateTime, schoolDay, weekOf } from './dates';

describe('dates as a Russian school reads them', () => {
  it('writes a calendar date in words, without the year mark', () => {
    expect(formatDate('2026-12-02')).toBe('2 декабря 2026');
    expect(formatDate('2027-05-31', 'Asia/Vladivostok')).toBe('31 мая 2027');
  });

  it('shows an instant as the day and time it was in the school’s time zone', () => {
    // 22:30 UTC on 1 December is already 2 December in Moscow, and 09:30 on 2 December in Vladivostok.
    expect(formatDateTime('2026-12-01T22:30:00Z', 'Europe/Moscow')).toBe('2 декабря 2026, 01:30');
    expect(formatDateTime('2026-12-01T22:30:00Z', 'Asia/Vladivostok')).toBe('2 декабря 2026, 08:30');
    expect(schoolDay(new Date('2026-12-01T22:30:00Z'), 'Europe/Moscow')).toBe('2026-12-02');
  });

  it('says a dash for a missing date rather than "Invalid Date"', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it('finds the week from Monday to Sunday and the academic year from August', () => {
    expect(weekOf('2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekOf('2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(academicYearOf('2026-08-01')).toBe('2026/27');
    expect(academicYearOf('2027-07-31')).toBe('2026/27');
  });

  it('ends a school day at midnight in the school’s time zone, for the plan as of that day', () => {
    expect(endOfSchoolDay('2026-11-01', 'Europe/Moscow')).toBe('2026-11-01T20:59:59.999Z');
    expect(endOfSchoolDay('2026-11-01', 'Asia/Vladivostok')).toBe('2026-11-01T13:59:59.999Z');
  });
});
