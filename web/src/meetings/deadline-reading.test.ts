import { describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../../libs/domain/src/school/calendar/values';
import { readDeadline } from './deadline-reading';

const AT = { academicYear: '2026/27', adoptedOn: '2026-11-20', schoolCalendar: null };

describe('a deadline read while it is typed at a meeting', () => {
  it('reads a date, a month range and a day written with dots, as the server will', () => {
    expect(readDeadline('до 25.12', AT)).toEqual({
      kind: 'read',
      meaning: 'до 25 декабря 2026',
      warnings: [],
    });
    expect(readDeadline('до 25.12.2026', AT)).toMatchObject({ meaning: 'до 25 декабря 2026' });
    expect(readDeadline('январь–март', AT)).toMatchObject({
      kind: 'read',
      meaning: expect.stringMatching(/до 31 марта 2027$/),
    });
  });

  it('reads «в течение года» as the meeting’s academic year with check-ins at the ends of the terms still ahead', () => {
    const reading = readDeadline('в течение года', AT);
    expect(reading).toMatchObject({ kind: 'read' });
    const meaning = (reading as { meaning: string }).meaning;
    expect(meaning).toMatch(/^в течение 2026\/27 учебного года, до \d+ мая 2027; отчёты о ходе: /);
    // The first term ended before the meeting: its check-in is not asked for.
    expect(meaning).not.toMatch(/октября 2026/);
    expect(meaning.split(', ').length).toBeGreaterThanOrEqual(3);
  });

  it('reads terms by the school’s own calendar when it has one (trimesters here), as the server does', () => {
    const trimesters: SchoolCalendar = {
      academicYear: '2026/27',
      termKind: 'trimester',
      terms: [
        { number: 1, from: '2026-09-01', to: '2026-11-27' },
        { number: 2, from: '2026-12-07', to: '2027-02-26' },
        { number: 3, from: '2027-03-09', to: '2027-05-28' },
      ],
      daysOff: [],
      workingWeekends: [],
      weekDays: 5,
    };
    expect(readDeadline('в течение года', { ...AT, schoolCalendar: trimesters })).toEqual({
      kind: 'read',
      meaning:
        'в течение 2026/27 учебного года, до 28 мая 2027; отчёты о ходе: 27 ноября 2026, 26 февраля 2027',
      warnings: [],
    });
    expect(readDeadline('до конца триместра', { ...AT, schoolCalendar: trimesters })).toMatchObject({
      meaning: 'до 27 ноября 2026',
    });
  });

  it('says in Russian why words cannot be a deadline, and that an empty field means none', () => {
    expect(readDeadline('когда-нибудь', AT)).toEqual({
      kind: 'error',
      message: expect.stringMatching(/^Срок «когда-нибудь» не распознан/),
    });
    expect(readDeadline('   ', AT)).toEqual({ kind: 'empty' });
    expect(readDeadline('постоянно', AT)).toMatchObject({
      meaning: 'постоянно, с 20 ноября 2026, отчёт ежемесячно',
    });
  });

  it('refuses a deadline before the meeting or more than two years after it, as the domain does', () => {
    expect(readDeadline('до 01.09.2026', AT)).toEqual({
      kind: 'error',
      message: expect.stringMatching(/^Срок исполнения \(.*\) раньше принятия решения/),
    });
    expect(readDeadline('декабрь 2029', AT)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/дальше чем через 2 года/),
    });
  });
});
