import { requireCalendar } from './rules';
import {
  RUSSIAN_CALENDAR_2025_26,
  RUSSIAN_CALENDAR_2026_27,
  russianDefaultCalendar,
} from './russian-defaults';
import { dueDayOf, isDayOff, nextWorkingDay, previousWorkingDay, workingDaysOf } from './working-days';

const days = workingDaysOf([RUSSIAN_CALENDAR_2025_26]);

describe('the shipped Russian calendar for 2025/26', () => {
  it('passes its own rules, as does 2026/27', () => {
    expect(() => requireCalendar(RUSSIAN_CALENDAR_2025_26, '2025/26')).not.toThrow();
    expect(() => requireCalendar(RUSSIAN_CALENDAR_2026_27, '2026/27')).not.toThrow();
    expect(russianDefaultCalendar('2031/32')).toBeNull();
  });

  it('rests on weekends, in the autumn holidays, on 4 November and on the transferred 3 November', () => {
    expect(isDayOff(days, '2025-10-25')).toBe(true);
    expect(isDayOff(days, '2025-10-29')).toBe(true);
    expect(isDayOff(days, '2025-11-03')).toBe(true);
    expect(isDayOff(days, '2025-11-04')).toBe(true);
    expect(isDayOff(days, '2025-11-05')).toBe(false);
    expect(isDayOff(days, '2026-01-09')).toBe(true);
    expect(isDayOff(days, '2026-03-09')).toBe(true);
  });

  it('works on Saturday 1 November 2025 outside the holidays of a school that has none', () => {
    const bare = workingDaysOf([{ ...RUSSIAN_CALENDAR_2025_26, daysOff: [] }]);
    expect(isDayOff(bare, '2025-11-01')).toBe(false);
    expect(isDayOff(bare, '2025-11-08')).toBe(true);
  });
});

describe('a deadline on a day off', () => {
  it('moves from 3 November to the next working day, 5 November, by default', () => {
    expect(nextWorkingDay(days, '2025-11-03')).toBe('2025-11-05');
    expect(dueDayOf(days, '2025-11-03')).toBe('2025-11-05');
  });

  it('stays where it was written when the school keeps deadlines', () => {
    expect(dueDayOf({ ...days, policy: 'keep' }, '2025-11-03')).toBe('2025-11-03');
  });

  it('leaves a working day as it is, and knows the last working day before the winter holidays', () => {
    expect(nextWorkingDay(days, '2025-11-05')).toBe('2025-11-05');
    expect(previousWorkingDay(days, '2026-01-05')).toBe('2025-12-30');
  });

  it('counts a six-day school’s Saturdays as working days', () => {
    expect(isDayOff(workingDaysOf([{ ...RUSSIAN_CALENDAR_2025_26, weekDays: 6 }]), '2025-11-15')).toBe(false);
  });
});

describe('a calendar the director sends', () => {
  const valid = RUSSIAN_CALENDAR_2025_26;
  const refused = (calendar: typeof valid, year = '2025/26') => {
    try {
      requireCalendar(calendar, year);
    } catch (e) {
      return (e as { code: string }).code;
    }
    return 'accepted';
  };

  it('is refused with terms out of order, outside the year, or of the wrong number', () => {
    expect(refused({ ...valid, terms: valid.terms.slice(0, 3) })).toBe('CALENDAR_INVALID');
    expect(refused({ ...valid, terms: [valid.terms[1], valid.terms[0], ...valid.terms.slice(2)] })).toBe(
      'CALENDAR_INVALID',
    );
    expect(
      refused({
        ...valid,
        daysOff: [{ kind: 'vacation', name: 'Летние', from: '2026-06-01', to: '2026-09-01' }],
      }),
    ).toBe('CALENDAR_INVALID');
    expect(refused({ ...valid, workingWeekends: ['2025-11-05'] })).toBe('CALENDAR_INVALID');
    expect(refused(valid, '2026/27')).toBe('CALENDAR_INVALID');
    expect(refused({ ...valid, termKind: 'trimester' })).toBe('CALENDAR_INVALID');
    expect(refused(valid, '2025/27')).toBe('ACADEMIC_YEAR_INVALID');
  });
});
