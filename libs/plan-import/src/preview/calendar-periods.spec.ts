import { RUSSIAN_CALENDAR_2025_26, type SchoolCalendar } from '@vsoko/domain';
import { buildPreview } from './build-preview';

const CSV = [
  '№;Мероприятие;Срок;Ответственный;Результат',
  '1;Анализ успеваемости;по итогам I четверти;Заместитель директора по УВР;Справка',
  '2;Проверка личных дел обучающихся;в каникулы;Классные руководители;Справка',
  '3;Входная диагностика;октябрь;Учителя-предметники;Справка',
].join('\n');

/** This school's year differs from the default: I четверть ends on 24 October, its holidays come a week earlier. */
const OWN: SchoolCalendar = {
  ...RUSSIAN_CALENDAR_2025_26,
  terms: [
    { number: 1, from: '2025-09-01', to: '2025-10-24' },
    { number: 2, from: '2025-11-05', to: '2025-12-26' },
    { number: 3, from: '2026-01-12', to: '2026-03-20' },
    { number: 4, from: '2026-03-30', to: '2026-05-26' },
  ],
  daysOff: [
    { kind: 'vacation', name: 'Осенние каникулы', from: '2025-10-25', to: '2025-11-04' },
    { kind: 'vacation', name: 'Зимние каникулы', from: '2025-12-27', to: '2026-01-11' },
    { kind: 'vacation', name: 'Весенние каникулы', from: '2026-03-21', to: '2026-03-29' },
  ],
};

const preview = (academicYear: string, calendars?: Record<string, SchoolCalendar>) =>
  buildPreview({
    schoolId: 'school-1',
    academicYear,
    fileName: 'roadmap.csv',
    bytes: Buffer.from(CSV),
    ...(calendars ? { calendars } : {}),
  });

const byTitle = async (p: ReturnType<typeof preview>, title: string) =>
  (await p).entries.find((e) => e.text.includes(title))!;

describe('the preview reads terms and holidays by the school calendar of the plan’s year', () => {
  it('takes the school’s own calendar and shows the dates each phrase became', async () => {
    const p = preview('2025/26', { '2025/26': OWN });
    const results = await byTitle(p, 'Анализ успеваемости');
    expect(results.window).toEqual({ from: '2025-09-01', to: '2025-10-24' });
    expect(results.deadline).toMatchObject({ period: { label: 'I четверть', source: 'school' } });
    expect(results.warnings).toContainEqual({
      row: 2,
      code: 'DEADLINE_BY_CALENDAR',
      message: 'Срок «по итогам I четверти» — I четверть по календарю школы: 01.09.2025 — 24.10.2025',
    });
    const files = await byTitle(p, 'личных дел');
    expect(files.occurrences).toEqual(OWN.daysOff.map(({ from, to }) => ({ from, to })));
    expect((await p).procedures.filter((x) => x.title.startsWith('Проверка личных дел'))).toHaveLength(3);
    expect((await p).calendar).toEqual({ source: 'school', academicYear: '2025/26' });
    expect((await p).warnings.map((w) => w.code)).not.toContain('CALENDAR_DEFAULT');
    expect((await byTitle(p, 'Входная диагностика')).window).toEqual({
      from: '2025-10-01',
      to: '2025-10-31',
    });
  });

  it('falls back to the shipped default when the school has no calendar for the year, with a warning', async () => {
    const p = preview('2025/26', { '2026/27': OWN });
    expect((await byTitle(p, 'Анализ успеваемости')).window).toEqual({
      from: '2025-09-01',
      to: '2025-10-26',
    });
    expect((await p).calendar).toEqual({ source: 'default', academicYear: '2025/26' });
    expect((await p).warnings[0]).toMatchObject({ row: 0, code: 'CALENDAR_DEFAULT' });
    expect((await p).warnings[0].message).toMatch(/нет календаря на 2025\/26 учебный год.*строк: 2/);
  });

  it('reads by months when neither the school nor the default knows the year, and says so', async () => {
    const p = preview('2031/32');
    expect((await byTitle(p, 'Анализ успеваемости')).window).toEqual({
      from: '2031-09-01',
      to: '2031-10-31',
    });
    expect((await p).warnings[0]).toMatchObject({ row: 0, code: 'CALENDAR_MISSING' });
  });
});
