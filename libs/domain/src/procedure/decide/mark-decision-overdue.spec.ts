import type { MarkDecisionOverdue } from '../commands';
import { actors, ctx, events, history, lessons, PROCEDURE, procedureSpec } from '../testing/fixtures';

/** The end of 31.05.2024 in Yekaterinburg. */
const DUE_AT = '2024-05-31T18:59:59.999Z';
const overdue = (over: Partial<MarkDecisionOverdue['data']> = {}): MarkDecisionOverdue => ({
  type: 'MarkDecisionOverdue',
  data: { procedureId: PROCEDURE, decisionId: 'd-lessons', deadline: '2024-05-31', dueAt: DUE_AT, ...over },
});

describe('following-up', () => {
  const given = procedureSpec.given(history.followingUp);

  it('marks an open decision overdue at the end of its deadline', () => {
    given.when(overdue(), ctx(actors.system, DUE_AT)).then([events.decisionOverdue(lessons)]);
  });

  it('is not overdue before the deadline day ends', () => {
    given.when(overdue(), ctx(actors.system, '2024-05-31T18:00:00.000Z')).thenNothing();
  });

  it('is overdue once: a repeated timer records nothing', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionOverdue(lessons)])
      .when(overdue(), ctx(actors.system, DUE_AT))
      .thenNothing();
  });

  it('ignores a deadline that was extended meanwhile', () => {
    const extended = {
      type: 'DecisionDeadlineExtended',
      data: {
        procedureId: PROCEDURE,
        decisionId: 'd-lessons',
        previousDeadline: '2024-05-31',
        deadline: '2024-06-28',
        reason: 'Болезнь учителя',
        extendedOn: '2024-05-20',
      },
    } as const;
    procedureSpec
      .given([...history.followingUp, extended])
      .when(overdue(), ctx(actors.system, DUE_AT))
      .thenNothing();
  });

  it('is marked by the system only', () => {
    given.when(overdue(), ctx(actors.director, DUE_AT)).thenThrows('SYSTEM_ONLY');
  });
});

describe('following-up, decision resolved', () => {
  it('is not overdue once executed', () => {
    procedureSpec
      .given([...history.followingUp, events.executed('d-lessons')])
      .when(overdue(), ctx(actors.system, DUE_AT))
      .thenNothing();
  });

  it('is not overdue once cancelled', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionCancelled('d-lessons')])
      .when(overdue(), ctx(actors.system, DUE_AT))
      .thenNothing();
  });
});

describe('closed', () => {
  it('has nothing overdue', () => {
    procedureSpec.given(history.closed).when(overdue(), ctx(actors.system, DUE_AT)).thenNothing();
  });
});
