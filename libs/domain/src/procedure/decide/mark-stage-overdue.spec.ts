import type { MarkStageOverdue } from '../commands';
import { actors, ctx, events, history, PROCEDURE, procedureSpec } from '../testing/fixtures';

/** The window ends 26.04.2024: due at the end of that day in Yekaterinburg. */
const DUE_AT = '2024-04-26T18:59:59.999Z';
const overdue = (over: Partial<MarkStageOverdue['data']> = {}): MarkStageOverdue => ({
  type: 'MarkStageOverdue',
  data: { procedureId: PROCEDURE, stage: 'performance', dueDate: '2024-04-26', dueAt: DUE_AT, ...over },
});

describe('scheduled', () => {
  const given = procedureSpec.given(history.scheduled);

  it('is late when its window ended without it being performed', () => {
    given.when(overdue(), ctx(actors.system, DUE_AT)).then([events.stageOverdue()]);
  });

  it('is not late a millisecond before the window ends', () => {
    given.when(overdue(), ctx(actors.system, '2024-04-26T18:59:59.998Z')).thenNothing();
  });

  it('is late once: a repeated timer records nothing', () => {
    procedureSpec
      .given([...history.scheduled, events.stageOverdue()])
      .when(overdue(), ctx(actors.system))
      .thenNothing();
  });

  it('ignores a timer for a window it no longer has', () => {
    given.when(overdue({ dueDate: '2024-04-19' }), ctx(actors.system)).thenNothing();
  });

  it('is marked late by the system only', () => {
    given.when(overdue(), ctx(actors.director)).thenThrows('SYSTEM_ONLY');
  });

  it('refuses a malformed timer', () => {
    given.when(overdue({ dueAt: 'soon' }), ctx(actors.system)).thenThrows('TIMER_INVALID');
    given.when(overdue({ stage: 'lunch' as never }), ctx(actors.system)).thenThrows('TIMER_INVALID');
  });
});

describe('performed', () => {
  const given = procedureSpec.given(history.performed);

  it('is not late for a stage already done', () => {
    given.when(overdue(), ctx(actors.system)).thenNothing();
  });

  it('is late for its analysis when the school’s policy gives it a due date', () => {
    given
      .when(overdue({ stage: 'analysis', dueDate: '2024-04-26', dueAt: DUE_AT }), ctx(actors.system))
      .then([{ ...events.stageOverdue(), data: { ...events.stageOverdue().data, stage: 'analysis' } }]);
  });
});

describe('closed', () => {
  it('is never late', () => {
    procedureSpec.given(history.closed).when(overdue(), ctx(actors.system)).thenNothing();
  });
});

describe('cancelled', () => {
  it('is never late', () => {
    procedureSpec.given(history.cancelled).when(overdue(), ctx(actors.system)).thenNothing();
  });
});
