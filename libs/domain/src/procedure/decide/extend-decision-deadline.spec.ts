import type { ExtendDecisionDeadline } from '../commands';
import { pendingTimers, timerPolicy } from '../timers';
import {
  actors,
  ctx,
  events,
  history,
  lessons,
  PROCEDURE,
  procedureSpec,
  userCommands,
  ZONE,
} from '../testing/fixtures';

const extend = (over: Partial<ExtendDecisionDeadline['data']> = {}): ExtendDecisionDeadline => ({
  ...userCommands.extend,
  data: { ...userCommands.extend.data, ...over },
});
const extended = (extendedOn = '2024-04-30') =>
  ({
    type: 'DecisionDeadlineExtended',
    data: {
      procedureId: PROCEDURE,
      decisionId: 'd-lessons',
      previousDeadline: '2024-05-31',
      deadline: '2024-06-28',
      reason: 'Болезнь учителя',
      extendedOn,
    },
  }) as const;

describe('following-up', () => {
  const given = procedureSpec.given(history.followingUp);

  it('gives a decision a later deadline, with a reason, by the administration', () => {
    given.when(extend(), ctx(actors.deputy)).then([extended()]);
  });

  it('is not extended by the person answering for the decision, nor by the procedure’s responsible', () => {
    given.when(extend(), ctx(actors.petrov)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(extend(), ctx(actors.ivanova)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('needs a deadline later than the one in force', () => {
    given.when(extend({ deadline: '2024-05-31' }), ctx(actors.deputy)).thenThrows('DEADLINE_NOT_LATER');
    given.when(extend({ deadline: '2024-05-20' }), ctx(actors.deputy)).thenThrows('DEADLINE_NOT_LATER');
  });

  it('needs a deadline within two years of the meeting', () => {
    given.when(extend({ deadline: '2026-05-01' }), ctx(actors.deputy)).thenThrows('DEADLINE_TOO_FAR');
  });

  it('is not extended to a day already past', () => {
    given
      .when(extend({ deadline: '2024-06-10' }), ctx(actors.deputy, '2024-06-12T06:00:00.000Z'))
      .thenThrows('DEADLINE_IN_PAST');
  });

  it('needs a reason', () => {
    given.when(extend({ reason: '' }), ctx(actors.deputy)).thenThrows('REASON_REQUIRED');
  });

  it('refuses an unknown decision', () => {
    given.when(extend({ decisionId: 'd-nope' }), ctx(actors.deputy)).thenThrows('DECISION_UNKNOWN');
  });

  it('watches the new deadline afresh after the old one was missed and escalated', () => {
    const state = procedureSpec
      .given([
        ...history.followingUp,
        events.decisionOverdue(lessons),
        {
          type: 'EscalatedToDirector',
          data: {
            procedureId: PROCEDURE,
            subject: { kind: 'decision', decisionId: 'd-lessons', deadline: '2024-05-31' },
            responsible: lessons.responsible,
          },
        },
      ])
      .when(extend(), ctx(actors.director, '2024-06-05T06:00:00.000Z'))
      .then([extended('2024-06-05')]);
    const forLessons = pendingTimers(state, timerPolicy(ZONE)).filter((t) => t.decisionId === 'd-lessons');
    expect(forLessons.map((t) => [t.kind, t.at])).toEqual([
      ['decision-reminder', '2024-06-21T04:00:00.000Z'],
      ['decision-reminder', '2024-06-27T04:00:00.000Z'],
      ['decision-overdue', '2024-06-28T18:59:59.999Z'],
    ]);
  });
});

describe('following-up, decision resolved', () => {
  it('does not extend an executed decision', () => {
    procedureSpec
      .given([...history.followingUp, events.executed('d-lessons')])
      .when(extend(), ctx(actors.deputy))
      .thenThrows('DECISION_ALREADY_EXECUTED');
  });

  it('does not extend a cancelled decision', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionCancelled('d-lessons')])
      .when(extend(), ctx(actors.deputy))
      .thenThrows('DECISION_ALREADY_CANCELLED');
  });
});
