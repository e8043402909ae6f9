import { ruLongDate, ruMeetingDate, ruPeriod, ruToday } from './ru-dates';

describe('Russian dates in documents', () => {
  it('writes a day, a month and an unknown date as a Russian paper does', () => {
    expect(ruLongDate('2025-10-05')).toBe('5 октября 2025 г.');
    expect(ruMeetingDate({ precision: 'month', month: '2023-08' })).toBe('август 2023 г.');
    expect(ruMeetingDate({ precision: 'unknown' } as never)).toBe('');
  });

  it('writes a period of a plan', () => {
    expect(ruPeriod('2025-09-15', '2025-09-15')).toBe('15 сентября 2025 г.');
    expect(ruPeriod('2025-09-15', '2025-09-30')).toBe('15–30 сентября 2025 г.');
    expect(ruPeriod('2025-09-15', '2025-10-10')).toBe('15 сентября — 10 октября 2025 г.');
    expect(ruPeriod('2025-12-22', '2026-01-11')).toBe('22 декабря 2025 г. — 11 января 2026 г.');
    expect(ruPeriod('2025-09-01', '2025-09-30')).toBe('сентябрь 2025 г.');
    expect(ruPeriod('2024-02-01', '2024-02-29')).toBe('февраль 2024 г.');
    expect(ruPeriod('2025-09-01', '2025-10-31')).toBe('сентябрь — октябрь 2025 г.');
    expect(ruPeriod('2025-12-01', '2026-01-31')).toBe('декабрь 2025 г. — январь 2026 г.');
  });

  it("dates a document by the school's wall calendar, not the server's", () => {
    // 31 December, 15:30 in Moscow (UTC+3) is already 1 January in Vladivostok (UTC+10).
    const now = new Date('2025-12-31T15:30:00Z');
    expect(ruToday(now, 'Europe/Moscow')).toBe('31 декабря 2025 г.');
    expect(ruToday(now, 'Asia/Vladivostok')).toBe('1 января 2026 г.');
  });
});
