import type { RescheduleProcedure } from '../commands';
import { pendingTimers, timerPolicy } from '../timers';
import { actors, ctx, events, history, PROCEDURE, procedureSpec, ZONE } from '../testing/fixtures';

/** 20.03.2024: the procedure's window (11.03–26.04) is still open. */
const MARCH = '2024-03-20T06:00:00.000Z';
const window = { from: '2024-04-01', to: '2024-05-17' };
const reschedule = (over: Partial<RescheduleProcedure['data']> = {}): RescheduleProcedure => ({
  type: 'RescheduleProcedure',
  data: { procedureId: PROCEDURE, window, reason: 'Региональный график ВПР сдвинут', ...over },
});
const rescheduled = {
  type: 'ProcedureRescheduled',
  data: {
    procedureId: PROCEDURE,
    previousWindow: { from: '2024-03-11', to: '2024-04-26' },
    window,
    reason: 'Региональный график ВПР сдвинут',
  },
} as const;

describe('scheduled', () => {
  const given = procedureSpec.given(history.scheduled);

  it('moves to a new window by the administration or a calendar integration', () => {
    given.when(reschedule(), ctx(actors.deputy, MARCH)).then([rescheduled]);
    given.when(reschedule(), ctx(actors.calendar, MARCH)).then([rescheduled]);
  });

  it('is not moved by its responsible or by a teacher', () => {
    given.when(reschedule(), ctx(actors.ivanova, MARCH)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(reschedule(), ctx(actors.petrov, MARCH)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('needs a reason', () => {
    given.when(reschedule({ reason: ' ' }), ctx(actors.deputy, MARCH)).thenThrows('REASON_REQUIRED');
  });

  it('needs a different window inside the academic year', () => {
    given
      .when(reschedule({ window: { from: '2024-03-11', to: '2024-04-26' } }), ctx(actors.deputy, MARCH))
      .thenThrows('WINDOW_UNCHANGED');
    given
      .when(reschedule({ window: { from: '2024-06-01', to: '2024-08-30' } }), ctx(actors.deputy, MARCH))
      .thenThrows('WINDOW_OUTSIDE_ACADEMIC_YEAR');
    given
      .when(reschedule({ window: { from: '2024-05-01', to: '2024-04-01' } }), ctx(actors.deputy, MARCH))
      .thenThrows('WINDOW_REVERSED');
  });

  it('is not moved to a window that has already ended', () => {
    given
      .when(reschedule({ window: { from: '2024-03-01', to: '2024-03-19' } }), ctx(actors.deputy, MARCH))
      .thenThrows('WINDOW_ENDS_IN_PAST');
  });

  it('answers only to its own id', () => {
    given
      .when(reschedule({ procedureId: 'p-other' }), ctx(actors.deputy, MARCH))
      .thenThrows('PROCEDURE_MISMATCH');
  });

  it('watches the new window end after it was late for the old one', () => {
    const state = procedureSpec
      .given([...history.scheduled, events.stageOverdue()])
      .when(reschedule(), ctx(actors.deputy, '2024-04-27T06:00:00.000Z'))
      .then([rescheduled]);
    expect(pendingTimers(state, timerPolicy(ZONE)).map((t) => [t.kind, t.at])).toEqual([
      ['stage-overdue', '2024-05-17T18:59:59.999Z'],
    ]);
  });
});

describe('none', () => {
  it('cannot be moved before it is scheduled', () => {
    procedureSpec
      .given(history.none)
      .when(reschedule(), ctx(actors.deputy, MARCH))
      .thenThrows('PROCEDURE_NOT_FOUND');
  });
});

describe('performed', () => {
  it('cannot be moved any more', () => {
    const error = procedureSpec
      .given(history.performed)
      .when(reschedule(), ctx(actors.deputy, MARCH))
      .thenThrows('STAGE_ALREADY_DONE');
    expect(error.details).toEqual({ current: 'performed', expected: ['scheduled'] });
  });
});
