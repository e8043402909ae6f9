import { actors, ctx, events, history, procedureSpec, userCommands } from '../testing/fixtures';

const close = userCommands.close;

describe('following-up', () => {
  it('does not close while a decision is open, and names it', () => {
    const error = procedureSpec
      .given([...history.followingUp, events.executed('d-lessons')])
      .when(close, ctx(actors.ivanova))
      .thenThrows('DECISIONS_UNRESOLVED');
    expect(error.details).toEqual({ decisionIds: ['d-parents'] });
    expect(error.message).toContain('Провести разъяснительную работу');
  });

  it('closes when every decision is executed or cancelled', () => {
    procedureSpec
      .given([...history.followingUp, events.executed('d-lessons'), events.decisionCancelled('d-parents')])
      .when(close, ctx(actors.ivanova))
      .then([events.closed()]);
  });

  it('closes when the results were noted without decision', () => {
    procedureSpec.given(history.noted).when(close, ctx(actors.deputy)).then([events.closed()]);
  });

  it('is closed by the responsible or the administration only', () => {
    procedureSpec.given(history.noted).when(close, ctx(actors.petrov)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});

describe('discussed', () => {
  it('does not close before the meeting’s outcome is recorded', () => {
    procedureSpec.given(history.discussed).when(close, ctx(actors.director)).thenThrows('STAGE_OUT_OF_ORDER');
  });
});
