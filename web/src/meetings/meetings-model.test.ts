import { describe, expect, it } from 'vitest';
import {
  byDateDescending,
  changedOrder,
  describeDeadline,
  meetingDateText,
  newId,
  numberDecisions,
} from './meetings-model';

describe('meetings as the school writes them', () => {
  it('writes a meeting’s date as precisely as it is known', () => {
    expect(meetingDateText({ precision: 'day', date: '2026-12-02' })).toBe('2 декабря 2026');
    expect(meetingDateText({ precision: 'month', month: '2026-09' })).toBe('Сентябрь 2026');
    expect(meetingDateText({ precision: 'unknown' })).toBe('дата не указана');
  });

  it('lists newest meetings first, undated ones last', () => {
    const list = byDateDescending([
      { id: 'a', date: { precision: 'unknown' as const } },
      { id: 'b', date: { precision: 'day' as const, date: '2026-11-03' } },
      { id: 'c', date: { precision: 'month' as const, month: '2026-12' } },
    ]);
    expect(list.map((m) => m.id)).toEqual(['c', 'b', 'a']);
  });

  it('says the deadline the server read in words', () => {
    expect(
      describeDeadline({ asWritten: 'до конца октября', parsed: { kind: 'date', due: '2026-10-31' } }),
    ).toBe('до 31 октября 2026');
    expect(
      describeDeadline({ parsed: { kind: 'months', from: '2026-10', to: '2026-12', due: '2026-12-31' } }),
    ).toBe('с октября по декабрь 2026, до 31 декабря 2026');
    expect(
      describeDeadline({
        parsed: { kind: 'year', academicYear: '2026/27', due: '2027-05-31', checkIns: ['2026-12-25'] },
      }),
    ).toBe('в течение 2026/27 учебного года, до 31 мая 2027; отчёты о ходе: 25 декабря 2026');
    expect(describeDeadline({ parsed: { kind: 'standing', every: 'month', from: '2026-12-02' } })).toBe(
      'постоянно, с 2 декабря 2026, отчёт ежемесячно',
    );
    expect(describeDeadline({ parsed: { kind: 'none' } })).toBe('без срока');
  });

  it('knows when the agenda’s order was changed', () => {
    const saved = [
      { itemId: 'a', title: 'A' },
      { itemId: 'b', title: 'B' },
    ];
    expect(changedOrder(saved, ['a', 'b'])).toBeUndefined();
    expect(changedOrder(saved, ['b', 'a'])).toEqual(['b', 'a']);
  });

  it('numbers decisions through the protocol in the agenda’s order, skipping empty drafts', () => {
    let n = 0;
    const numbered = numberDecisions(
      [
        { itemId: 'i1', title: 'Первый' },
        { itemId: 'i2', title: 'Второй' },
      ],
      {
        i2: [{ wording: 'Б', lead: 'Петров' }],
        i1: [
          { wording: 'А', lead: 'Иванова' },
          { wording: '  ', lead: '' },
        ],
      },
      () => `d${++n}`,
    );
    expect(numbered.map((d) => [d.itemId, d.decisionId, d.number, d.draft.wording])).toEqual([
      ['i1', 'd1', 1, 'А'],
      ['i2', 'd2', 2, 'Б'],
    ]);
    expect(newId('m', () => 0.5)).toMatch(/^m-[0-9a-z]{12}$/);
  });
});
