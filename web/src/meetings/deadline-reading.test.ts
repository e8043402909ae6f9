import { describe, expect, it } from 'vitest';
import { readDeadline } from './deadline-reading';

const AT = { academicYear: '2026/27', adoptedOn: '2026-11-20' };

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
