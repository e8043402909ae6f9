import type { WorkingDays } from '../school/calendar/values';
import type { PlannedProcedure } from './events';
import { copyPlanToNextYear, nextAcademicYear, sameWeekdayNextYear, windowNextYear } from './next-year';

const row = (
  id: string,
  from: string,
  to: string,
  over: Partial<PlannedProcedure> = {},
): PlannedProcedure => ({
  procedureId: id,
  rowKey: `впр|математика|${id}#0`,
  sourceRow: 3,
  title: `ВПР ${id}`,
  direction: 'results',
  indicator: 'Качество знаний',
  responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
  window: { from, to },
  occurrence: { index: 1, of: 1 },
  ...over,
});

const copy = (
  procedures: PlannedProcedure[],
  extra: Partial<Parameters<typeof copyPlanToNextYear>[0]> = {},
) =>
  copyPlanToNextYear({
    schoolId: 'school-1',
    fromYear: '2025/26',
    procedures,
    procedureIdOf: (rowKey, year) => `next:${year}:${rowKey}`,
    ...extra,
  });

describe('the academic year after', () => {
  it('is the next pair of years', () => {
    expect(nextAcademicYear('2025/26')).toBe('2026/27');
    expect(nextAcademicYear('2099/00')).toBe('2100/01');
    expect(nextAcademicYear('2025-26')).toBeNull();
  });

  it('keeps the weekday and the month of a day', () => {
    expect(sameWeekdayNextYear('2025-09-01')).toBe('2026-09-07'); // Monday → Monday, still September
    expect(sameWeekdayNextYear('2025-09-30')).toBe('2026-09-29'); // Tuesday → Tuesday
    expect(sameWeekdayNextYear('2028-02-29')).toBe('2029-02-27'); // leap day: Tuesday → Tuesday
    for (const day of ['2025-09-01', '2025-12-31', '2026-05-15', '2026-07-01']) {
      const next = sameWeekdayNextYear(day);
      expect(new Date(next).getUTCDay()).toBe(new Date(day).getUTCDay());
      expect(next.slice(5, 7)).toBe(day.slice(5, 7));
    }
  });

  it('keeps whole months whole, and shortens a shifted window that would leave its month', () => {
    expect(windowNextYear({ from: '2025-10-01', to: '2025-10-31' })).toEqual({
      window: { from: '2026-10-01', to: '2026-10-31' },
      shift: 'months',
      shortened: false,
    });
    expect(windowNextYear({ from: '2026-02-01', to: '2026-02-28' }).window).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
    expect(windowNextYear({ from: '2025-09-01', to: '2025-09-05' })).toEqual({
      window: { from: '2026-09-07', to: '2026-09-11' },
      shift: 'weekday',
      shortened: false,
    });
    expect(windowNextYear({ from: '2025-09-01', to: '2025-09-28' })).toEqual({
      window: { from: '2026-09-07', to: '2026-09-30' },
      shift: 'weekday',
      shortened: true,
    });
  });
});

describe("given this year's approved plan", () => {
  const plan = [
    row('p-oct', '2025-10-01', '2025-10-31'),
    row('p-sep', '2025-09-01', '2025-09-05', {
      lineageId: 'p-2024-sep',
      predecessor: { procedureId: 'p-2024-sep', academicYear: '2024/25', title: 'ВПР' },
    }),
    row('p-district', '2025-11-01', '2025-11-30', { templateId: 'district-vpr' }),
  ];

  it("when copied to next year, then the school's own rows come with moved dates and a link to their predecessor", () => {
    const next = copy(plan);
    expect(next).toMatchObject({
      fromYear: '2025/26',
      academicYear: '2026/27',
      templateRowsLeftOut: 1,
      calendarApplied: false,
    });
    expect(next.rows.map((r) => r.procedure)).toEqual([
      {
        ...row('p-oct', '2026-10-01', '2026-10-31'),
        procedureId: 'next:2026/27:впр|математика|p-oct#0',
        predecessor: { procedureId: 'p-oct', academicYear: '2025/26', title: 'ВПР p-oct' },
        lineageId: 'p-oct',
      },
      {
        ...row('p-sep', '2026-09-07', '2026-09-11'),
        procedureId: 'next:2026/27:впр|математика|p-sep#0',
        predecessor: { procedureId: 'p-sep', academicYear: '2025/26', title: 'ВПР p-sep' },
        // The chain goes back to the first year the row was planned.
        lineageId: 'p-2024-sep',
      },
    ]);
    expect(next.rows.every((r) => r.flags.length === 0)).toBe(true);
  });

  it("then the school's calendar moves a window off its holidays and flags it, and flags one wholly in them", () => {
    const autumn: WorkingDays = {
      weekDays: 5,
      daysOff: [{ from: '2026-10-26', to: '2026-11-03' }],
      workingWeekends: [],
      policy: 'next-working-day',
    };
    const next = copy([row('p-nov', '2025-11-03', '2025-11-06'), row('p-hol', '2025-10-27', '2025-10-30')], {
      workingDays: autumn,
    });
    expect(next.calendarApplied).toBe(true);
    const [nov, holidays] = next.rows;
    // 3 November 2025 was a Monday; 2 November 2026 is one, in the school's autumn holidays.
    expect(nov.procedure.window).toEqual({ from: '2026-11-04', to: '2026-11-05' });
    expect(nov.flags).toEqual([
      { code: 'CALENDAR_MOVED', message: expect.stringContaining('теперь 04.11.2026 — 05.11.2026') },
    ]);
    expect(holidays.procedure.window).toEqual({ from: '2026-10-26', to: '2026-10-29' });
    expect(holidays.flags.map((f) => f.code)).toEqual(['WINDOW_IN_DAYS_OFF']);
  });

  it('then the end of July stays inside the academic year even when it falls on a weekend', () => {
    const next = copy([row('p-jul', '2026-07-01', '2026-07-31')], {
      workingDays: { weekDays: 5, daysOff: [], workingWeekends: [], policy: 'next-working-day' },
    });
    // 31 July 2027 is a Saturday: the next working day would be in the next academic year.
    expect(next.rows[0].procedure.window).toEqual({ from: '2027-07-01', to: '2027-07-31' });
  });

  it('then rows cancelled or moved this year are flagged for a second look', () => {
    const outcomes = new Map([
      [
        'p-oct',
        {
          status: 'cancelled',
          window: { from: '2025-10-01', to: '2025-10-31' },
          cancellationReason: 'Приказ № 12',
        },
      ],
      ['p-sep', { status: 'closed', window: { from: '2025-09-15', to: '2025-09-19' } }],
    ]);
    const next = copy(plan, { outcomes });
    expect(next.rows.map((r) => r.flags.map((f) => f.code))).toEqual([
      ['CANCELLED_LAST_YEAR'],
      ['RESCHEDULED_LAST_YEAR'],
    ]);
    expect(next.rows[0].flags[0].message).toBe('В 2025/26 учебном году процедура была отменена: Приказ № 12');
  });
});

describe('a row whose deadline named a school period', () => {
  const quarter = row('q1', '2025-09-01', '2025-10-26', { periodPhrase: 'по итогам I четверти' });
  const q1Next = { from: '2026-09-01', to: '2026-10-23' };

  it('takes the period in next year’s calendar, flagged with what it became', () => {
    const seen: Array<[string, string]> = [];
    const plan = copy([quarter], {
      periodWindowOf: (p, year) => {
        seen.push([p.periodPhrase!, year]);
        return { window: q1Next, note: 'I четверть по календарю школы: 01.09.2026 — 23.10.2026' };
      },
    });
    expect(seen).toEqual([['по итогам I четверти', '2026/27']]);
    expect(plan.rows[0]).toMatchObject({
      shift: 'period',
      procedure: { window: q1Next, periodPhrase: 'по итогам I четверти' },
      flags: [{ code: 'PERIOD_BY_CALENDAR' }],
    });
  });

  it('is carried by weekdays when the period cannot be read again, like any row', () => {
    const plan = copy([quarter], { periodWindowOf: () => undefined });
    expect(plan.rows[0].shift).toBe('weekday');
    expect(plan.rows[0].procedure.window.from).toBe(sameWeekdayNextYear('2025-09-01'));
  });
});
