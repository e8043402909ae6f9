import { describe, expect, it } from 'vitest';
import type { DecisionDocument } from '../api/domain';
import { NO_DUE_MONTH } from '../api/domain';
import { filterDecisions, inTab, monthLabel } from './board';

const decision = (over: Partial<DecisionDocument>): DecisionDocument =>
  ({
    _id: 'p:d1',
    status: 'open',
    deadline: '2026-12-04',
    direction: 'results',
    responsibleKey: 'deputy.1',
    responsible: { name: 'Иванова А. П.', personId: 'deputy.1' },
    ...over,
  }) as DecisionDocument;

describe('the decisions board on Wednesday, 2 December 2026', () => {
  const today = '2026-12-02';

  it('shows open and overdue decisions as open, and only the overdue ones as overdue', () => {
    expect(inTab(decision({ status: 'overdue' }), 'open', today)).toBe(true);
    expect(inTab(decision({ status: 'overdue' }), 'overdue', today)).toBe(true);
    expect(inTab(decision({ status: 'open' }), 'overdue', today)).toBe(false);
    expect(inTab(decision({ status: 'executed' }), 'open', today)).toBe(false);
    expect(inTab(decision({ status: 'executed' }), 'executed', today)).toBe(true);
  });

  it('counts as due this week what is still open with a deadline from Monday to Sunday', () => {
    expect(inTab(decision({ deadline: '2026-11-30' }), 'week', today)).toBe(true);
    expect(inTab(decision({ deadline: '2026-12-06' }), 'week', today)).toBe(true);
    expect(inTab(decision({ deadline: '2026-12-07' }), 'week', today)).toBe(false);
    expect(inTab(decision({ deadline: '2026-12-04', status: 'executed' }), 'week', today)).toBe(false);
  });

  it('narrows to one responsible, one direction, or my own work', () => {
    const mine = decision({ _id: 'a' });
    const theirs = decision({
      _id: 'b',
      responsibleKey: 'teacher.1',
      responsible: { name: 'Петрова М. С.', personId: 'teacher.1' },
      direction: 'process',
    });
    expect(filterDecisions([mine, theirs], { mine: 'deputy.1' })).toEqual([mine]);
    expect(filterDecisions([mine, theirs], { responsible: 'teacher.1' })).toEqual([theirs]);
    expect(filterDecisions([mine, theirs], { direction: 'process' })).toEqual([theirs]);
  });

  it('names KPI months in Russian', () => {
    expect(monthLabel('2026-10')).toBe('окт 2026');
    expect(monthLabel(NO_DUE_MONTH)).toBe('без срока');
  });
});
