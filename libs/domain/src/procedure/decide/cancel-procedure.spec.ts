import { actors, ctx, events, history, procedureSpec, userCommands } from '../testing/fixtures';
import type { ActiveStatus } from '../values';

const cancel = userCommands.cancel;

describe.each([
  ['scheduled', history.scheduled],
  ['performed', history.performed],
  ['analysed', history.analysed],
  ['discussed', history.discussed],
  ['following-up', history.followingUp],
] as Array<[ActiveStatus, typeof history.none]>)('%s', (status, given) => {
  it('is cancelled by the administration, with a reason', () => {
    procedureSpec
      .given(given)
      .when(cancel, ctx(actors.director))
      .then([events.cancelled(status)]);
  });
});

describe('scheduled', () => {
  const given = procedureSpec.given(history.scheduled);

  it('is not cancelled by its responsible', () => {
    given.when(cancel, ctx(actors.ivanova)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('needs a reason', () => {
    given
      .when({ ...cancel, data: { ...cancel.data, reason: ' ' } }, ctx(actors.director))
      .thenThrows('REASON_REQUIRED');
  });
});

describe('none', () => {
  it('cannot be cancelled before it exists', () => {
    procedureSpec.given(history.none).when(cancel, ctx(actors.director)).thenThrows('PROCEDURE_NOT_FOUND');
  });
});
