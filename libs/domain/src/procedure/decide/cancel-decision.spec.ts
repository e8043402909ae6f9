import { actors, ctx, events, history, procedureSpec, userCommands } from '../testing/fixtures';

const cancel = userCommands.cancelDecision;

describe('following-up', () => {
  const given = procedureSpec.given(history.followingUp);

  it('cancels an open decision with a reason, by the administration', () => {
    given.when(cancel, ctx(actors.director)).then([events.decisionCancelled('d-parents')]);
  });

  it('is not cancelled by the person answering for it', () => {
    given.when(cancel, ctx(actors.sidorova)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('needs a reason', () => {
    given
      .when({ ...cancel, data: { ...cancel.data, reason: '' } }, ctx(actors.director))
      .thenThrows('REASON_REQUIRED');
  });

  it('refuses an unknown decision', () => {
    given
      .when({ ...cancel, data: { ...cancel.data, decisionId: 'd-x' } }, ctx(actors.director))
      .thenThrows('DECISION_UNKNOWN');
  });
});

describe('following-up, decision resolved', () => {
  it('does not cancel an executed decision', () => {
    procedureSpec
      .given([...history.followingUp, events.executed('d-parents')])
      .when(cancel, ctx(actors.director))
      .thenThrows('DECISION_ALREADY_EXECUTED');
  });

  it('does not cancel a decision twice', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionCancelled('d-parents')])
      .when(cancel, ctx(actors.director))
      .thenThrows('DECISION_ALREADY_CANCELLED');
  });
});

describe('noted without decision', () => {
  it('has no decision to cancel', () => {
    procedureSpec.given(history.noted).when(cancel, ctx(actors.director)).thenThrows('DECISION_UNKNOWN');
  });
});
