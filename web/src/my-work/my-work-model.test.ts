import { describe, expect, it } from 'vitest';
import { byUrgency, dueText, nextActionOf, workItemOf, type Deadline } from './my-work-model';

const entry = (id: string, date: string, state: Deadline['state'], kind: Deadline['kind']): Deadline => ({
  _id: id,
  kind,
  procedureId: 'p',
  decisionId: kind === 'decision' ? 'd1' : null,
  schoolId: 's',
  academicYear: '2026/27',
  title: id,
  date,
  state,
});

describe('a teacher’s own work on a phone', () => {
  it('puts what is late first, then the nearest date', () => {
    const list = [
      entry('later', '2026-12-20', 'open', 'procedure'),
      entry('late', '2026-11-20', 'overdue', 'decision'),
      entry('soon', '2026-12-03', 'open', 'decision'),
    ].sort(byUrgency);
    expect(list.map((d) => d._id)).toEqual(['late', 'soon', 'later']);
  });

  it('says how the date stands in words', () => {
    expect(dueText('2026-11-29', '2026-12-02')).toBe('просрочено на 3 дня');
    expect(dueText('2026-12-02', '2026-12-02')).toBe('сегодня');
    expect(dueText('2026-12-03', '2026-12-02')).toBe('завтра');
    expect(dueText('2026-12-23', '2026-12-02')).toBe('через 21 день');
  });

  it('offers the next action of each kind', () => {
    expect(nextActionOf(entry('a', '2026-12-02', 'open', 'decision'))).toBe('execute-decision');
    expect(nextActionOf(entry('b', '2026-12-02', 'open', 'procedure'))).toBe('perform-procedure');
  });

  it('lists a meeting decision of hers beside them, undated ones last', () => {
    const record = workItemOf(
      { _id: 'dec-1', wording: 'Семинар', due: null, overdue: false, status: 'open' },
      's',
      '2026/27',
    );
    expect(nextActionOf(record)).toBe('open-decision');
    expect(dueText(record.date, '2026-12-02')).toBe('без срока');
    const late = workItemOf(
      { _id: 'dec-2', wording: 'Отчёт', due: '2026-11-30', overdue: true, status: 'open' },
      's',
      '2026/27',
    );
    const list = [record, entry('soon', '2026-12-03', 'open', 'decision'), late].sort(byUrgency);
    expect(list.map((d) => d._id)).toEqual(['record:dec-2', 'soon', 'record:dec-1']);
  });
});
