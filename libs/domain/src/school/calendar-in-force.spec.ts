import { RUSSIAN_CALENDAR_2025_26, RUSSIAN_CALENDAR_2026_27 } from './calendar/russian-defaults';
import { procedureChaseOf, settingsForYear } from './calendar-in-force';
import type { SchoolSettingsState } from './school-settings';

const school: SchoolSettingsState = {
  reminders: null,
  calendars: {
    '2024/25': {
      calendar: { ...RUSSIAN_CALENDAR_2025_26, academicYear: '2024/25' },
      source: { kind: 'school' },
    },
    '2025/26': { calendar: RUSSIAN_CALENDAR_2025_26, source: { kind: 'school' } },
    '2026/27': {
      calendar: RUSSIAN_CALENDAR_2026_27,
      source: { kind: 'district', districtId: 'd', version: 1 },
    },
  },
};
const offDays = (c: typeof RUSSIAN_CALENDAR_2025_26) => c.daysOff.map(({ from, to }) => ({ from, to }));

describe('what a procedure is scheduled with', () => {
  it('takes the calendars of its window’s year and the next (a chase runs on), each once, and the default chain', () => {
    const chase = procedureChaseOf(school, { from: '2025-10-01', to: '2025-10-31' }, '2025-09-15');
    expect(chase).toMatchObject({ preparationDaysBefore: [3], repeatEveryDays: 7, remindFrom: '2025-09-15' });
    expect(chase.workingDays?.daysOff).toEqual([
      ...offDays(RUSSIAN_CALENDAR_2025_26),
      ...offDays(RUSSIAN_CALENDAR_2026_27),
    ]);
  });

  it('takes both years’ calendars for a window that runs into the next academic year', () => {
    const chase = procedureChaseOf(school, { from: '2026-07-01', to: '2026-09-30' }, '2026-06-01');
    expect(chase.workingDays?.daysOff).toEqual([
      ...offDays(RUSSIAN_CALENDAR_2025_26),
      ...offDays(RUSSIAN_CALENDAR_2026_27),
    ]);
  });
});

describe('the settings a plan’s fan-out carries', () => {
  it('are the reminders and the calendars of the plan’s year and the next', () => {
    expect(Object.keys(settingsForYear(school, '2025/26').calendars ?? {})).toEqual(['2025/26', '2026/27']);
    expect(Object.keys(settingsForYear(school, '2026/27').calendars ?? {})).toEqual(['2026/27']);
  });
});
