import { describe, expect, it } from 'vitest';
import { applyFilters, layOut, responsibleOptions, spanLabel, type PlanItem } from './cyclogram';

const item = (over: Partial<PlanItem> & { id: string }): PlanItem => ({
  title: over.id,
  direction: 'results',
  stage: 'scheduled',
  late: false,
  responsibleKey: 'deputy',
  responsibleName: 'Заместитель директора по УВР',
  window: { from: '2026-09-01', to: '2026-09-30' },
  ...over,
});

describe('the cyclogram: months across, directions down', () => {
  const items = [
    item({ id: 'vpr', window: { from: '2027-04-01', to: '2027-04-30' } }),
    item({ id: 'start', window: { from: '2026-09-01', to: '2026-09-15' } }),
    item({ id: 'lessons', direction: 'process', window: { from: '2026-10-01', to: '2027-05-31' } }),
  ];

  it('runs from August to June, with each procedure in the month its window starts', () => {
    const c = layOut(items);
    expect(c.columns.map((m) => m.title)).toEqual([
      'Август',
      'Сентябрь',
      'Октябрь',
      'Ноябрь',
      'Декабрь',
      'Январь',
      'Февраль',
      'Март',
      'Апрель',
      'Май',
      'Июнь',
    ]);
    expect(c.rows.map((r) => r.direction)).toEqual(['results', 'process', 'conditions', 'satisfaction']);
    const results = c.rows[0].cells.map((cell) => cell.map((p) => p.id));
    expect(results[1]).toEqual(['start']);
    expect(results[8]).toEqual(['vpr']);
    expect(c.rows[1].cells[2].map((p) => p.id)).toEqual(['lessons']);
  });

  it('adds July only when something is planned in it', () => {
    expect(
      layOut([item({ id: 'july', window: { from: '2027-07-01', to: '2027-07-10' } })]).columns.at(-1),
    ).toEqual({
      month: 7,
      title: 'Июль',
    });
  });

  it('labels a window over several months', () => {
    expect(spanLabel({ from: '2026-10-01', to: '2027-05-31' })).toBe('окт–май');
    expect(spanLabel({ from: '2026-10-01', to: '2026-10-31' })).toBeUndefined();
  });
});

describe('filters', () => {
  const items = [
    item({ id: 'a', responsibleKey: 'deputy', late: true }),
    item({ id: 'b', responsibleKey: 'teacher.1', responsibleName: 'Петрова М. С.', direction: 'conditions' }),
    item({ id: 'c', responsibleKey: 'deputy', stage: 'closed' }),
  ];

  it('narrow by responsible, direction, stage and lateness together', () => {
    expect(applyFilters(items, { responsible: 'deputy' }).map((p) => p.id)).toEqual(['a', 'c']);
    expect(applyFilters(items, { direction: 'conditions' }).map((p) => p.id)).toEqual(['b']);
    expect(applyFilters(items, { stage: 'closed' }).map((p) => p.id)).toEqual(['c']);
    expect(applyFilters(items, { onlyLate: true }).map((p) => p.id)).toEqual(['a']);
    expect(applyFilters(items, { responsible: 'deputy', onlyLate: true, stage: 'closed' })).toEqual([]);
  });

  it('offers each responsible once, by name', () => {
    expect(responsibleOptions(items)).toEqual([
      { value: 'deputy', label: 'Заместитель директора по УВР' },
      { value: 'teacher.1', label: 'Петрова М. С.' },
    ]);
  });
});
