import { describe, expect, it } from 'vitest';
import {
  approvalBody,
  approvalPercent,
  choiceProblem,
  followingYear,
  nextYearLines,
  reportLines,
  windowLabel,
} from './import-model';

describe('plan import: the screen’s rules', () => {
  it('shows a window in Russian words, one date when it is a single day', () => {
    expect(windowLabel({ from: '2026-10-01', to: '2026-10-20' })).toBe('1 октября 2026 — 20 октября 2026');
    expect(windowLabel({ from: '2026-12-02', to: '2026-12-02' })).toBe('2 декабря 2026');
    expect(windowLabel(undefined)).toBe('—');
  });

  it('asks for a date when a past row was performed and for a reason when it is cancelled', () => {
    expect(choiceProblem({ action: 'performed' })).toBe('Укажите дату проведения');
    expect(choiceProblem({ action: 'cancelled', reason: '  ' })).toBe('Укажите причину отмены');
    expect(choiceProblem({ action: 'overdue' })).toBeUndefined();
    expect(choiceProblem({ action: 'performed', performedOn: '2026-10-15' })).toBeUndefined();
  });

  it('sends one choice for all past rows and only the rows chosen otherwise, without stray fields', () => {
    const past = [{ procedureId: 'pl-1' }, { procedureId: 'pl-2' }, { procedureId: 'pl-3' }];
    expect(
      approvalBody(
        past,
        { action: 'overdue', reason: 'left over' },
        {
          'pl-2': { action: 'performed', performedOn: '2026-10-15', reason: 'x' },
          'pl-3': { action: 'cancelled', reason: ' Не проводилась: приказ № 7 ' },
          'pl-9': { action: 'cancelled', reason: 'not in this file' },
        },
      ),
    ).toEqual({
      pastWindows: {
        all: { action: 'overdue' },
        rows: [
          { procedureId: 'pl-2', action: 'performed', performedOn: '2026-10-15' },
          { procedureId: 'pl-3', action: 'cancelled', reason: 'Не проводилась: приказ № 7' },
        ],
      },
    });
    expect(approvalBody([], { action: 'overdue' }, {})).toEqual({});
  });

  it('reports progress of the fan-out in per cent and its outcome in words', () => {
    expect(approvalPercent({ status: 'running', done: 0, total: 0 })).toBe(0);
    expect(approvalPercent({ status: 'running', done: 7, total: 9 })).toBe(77);
    expect(approvalPercent({ status: 'completed', done: 0, total: 0 })).toBe(100);
    expect(
      reportLines({
        scheduled: ['a', 'b'],
        alreadyThere: [],
        rescheduled: [],
        cancelled: ['c'],
        performed: [],
        keptOverdue: ['d'],
        failed: [],
      }),
    ).toEqual(['запланировано процедур: 2', 'отменено (нет в новом плане): 1', 'оставлено просроченными: 1']);
  });

  it('names the following year and says what the copy to it did', () => {
    expect(followingYear('2026/27')).toBe('2027/28');
    expect(followingYear('2099/00')).toBe('2100/01');
    const lines = nextYearLines({
      fromYear: '2026/27',
      fromRevision: 0,
      calendarApplied: false,
      templateRowsLeftOut: 2,
      flagged: 1,
      rows: [
        {
          procedureId: 'p',
          title: 'ВПР',
          window: { from: '2027-09-06', to: '2027-09-10' },
          predecessorId: 'q',
          flags: [],
        },
      ],
    });
    expect(lines[0]).toBe(
      'Строк плана 2026/27 (версия 0) перенесено: 1; сроки — на те же месяцы и дни недели.',
    );
    expect(lines[1]).toMatch(/^Календарь школы на следующий год ещё не утверждён/);
    expect(lines[2]).toBe('Строки шаблонов района не перенесены (2): их даёт новый шаблон района.');
    expect(lines[3]).toBe('Стоит проверить строк: 1 — они отмечены ниже.');
  });
});
