import type { RemindOfDecision } from '../commands';
import { actors, ctx, events, history, lessons, PROCEDURE, procedureSpec } from '../testing/fixtures';

/** 24.05.2024, 09:00 in Yekaterinburg: a week before the deadline of d-lessons. */
const DUE_AT = '2024-05-24T04:00:00.000Z';
const remind = (over: Partial<RemindOfDecision['data']> = {}): RemindOfDecision => ({
  type: 'RemindOfDecision',
  data: {
    procedureId: PROCEDURE,
    decisionId: 'd-lessons',
    deadline: '2024-05-31',
    daysBefore: 7,
    dueAt: DUE_AT,
    ...over,
  },
});
const reminded = (daysBefore = 7) =>
  ({
    type: 'DecisionReminderDue',
    data: {
      procedureId: PROCEDURE,
      decisionId: 'd-lessons',
      wording: lessons.wording,
      deadline: '2024-05-31',
      daysBefore,
      responsible: lessons.responsible,
    },
  }) as const;

describe('following-up', () => {
  const given = procedureSpec.given(history.followingUp);

  it('reminds the person answering for a decision, with its wording and deadline', () => {
    given.when(remind(), ctx(actors.system, DUE_AT)).then([reminded()]);
  });

  it('reminds once per decision and days before: a repeated timer records nothing', () => {
    const again = procedureSpec.given([...history.followingUp, reminded()]);
    again.when(remind(), ctx(actors.system, DUE_AT)).thenNothing();
    again.when(remind({ daysBefore: 1 }), ctx(actors.system, '2024-05-30T04:00:00.000Z')).then([reminded(1)]);
  });

  it('does not remind before the timer’s instant', () => {
    given.when(remind(), ctx(actors.system, '2024-05-24T03:59:59.999Z')).thenNothing();
  });

  it('ignores a reminder for a deadline no longer in force', () => {
    given.when(remind({ deadline: '2024-05-17' }), ctx(actors.system)).thenNothing();
  });

  it('is reminded by the system only', () => {
    given.when(remind(), ctx(actors.petrov, DUE_AT)).thenThrows('SYSTEM_ONLY');
  });

  it('refuses a reminder for a decision it never adopted, or with a bad number of days', () => {
    given.when(remind({ decisionId: 'd-x' }), ctx(actors.system, DUE_AT)).thenThrows('DECISION_UNKNOWN');
    given.when(remind({ daysBefore: -1 }), ctx(actors.system, DUE_AT)).thenThrows('TIMER_INVALID');
  });
});

describe('following-up, decision resolved or late', () => {
  it('does not remind of an executed decision', () => {
    procedureSpec
      .given([...history.followingUp, events.executed('d-lessons')])
      .when(remind(), ctx(actors.system, DUE_AT))
      .thenNothing();
  });

  it('does not remind of a cancelled decision', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionCancelled('d-lessons')])
      .when(remind(), ctx(actors.system, DUE_AT))
      .thenNothing();
  });

  it('does not remind of a deadline already missed', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionOverdue(lessons)])
      .when(remind(), ctx(actors.system, '2024-06-01T04:00:00.000Z'))
      .thenNothing();
  });
});

describe('cancelled', () => {
  it('reminds of nothing', () => {
    procedureSpec
      .given([...history.followingUp, events.cancelled('following-up')])
      .when(remind(), ctx(actors.system, DUE_AT))
      .thenNothing();
  });
});
