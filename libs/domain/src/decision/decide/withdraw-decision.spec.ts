import type { DecisionCommand } from '../commands';
import { actors, ctx, DECISION, decisionSpec, events, history } from '../testing/fixtures';

const withdraw = (reason = 'Программа развития утверждена в другой редакции'): DecisionCommand => ({
  type: 'WithdrawDecision',
  data: { decisionId: DECISION, reason },
});

describe('open', () => {
  it('is withdrawn by the administration with a reason', () => {
    const given = decisionSpec.given(history.open);
    given.when(withdraw(), ctx(actors.director)).then([events.withdrawn()]);
    given.when(withdraw(''), ctx(actors.director)).thenThrows('REASON_REQUIRED');
    given.when(withdraw(), ctx(actors.shmo)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});

describe('reopened', () => {
  it('may be withdrawn as well', () => {
    decisionSpec
      .given(history.reopened)
      .when(withdraw(), ctx(actors.director, '2024-01-25T06:00:00.000Z'))
      .then([events.withdrawn()]);
  });
});

describe('withdrawn', () => {
  it('is withdrawn once', () => {
    decisionSpec
      .given(history.withdrawn)
      .when(withdraw(), ctx(actors.director))
      .thenThrows('DECISION_WITHDRAWN');
  });
});

describe('none', () => {
  it('cannot be withdrawn before it is adopted', () => {
    decisionSpec.given(history.none).when(withdraw(), ctx(actors.director)).thenThrows('DECISION_NOT_FOUND');
  });
});
