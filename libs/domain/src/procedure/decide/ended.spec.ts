import type { ProcedureCommand } from '../commands';
import { actors, ctx, events, history, procedureSpec, userCommands } from '../testing/fixtures';

const everyUserCommand = Object.entries(userCommands) as Array<[string, ProcedureCommand]>;

describe('closed', () => {
  it.each(everyUserCommand)('accepts nothing: %s', (_, command) => {
    procedureSpec.given(history.closed).when(command, ctx(actors.director)).thenThrows('PROCEDURE_CLOSED');
  });
});

describe('cancelled', () => {
  it.each(everyUserCommand)('accepts nothing: %s', (_, command) => {
    const error = procedureSpec
      .given([...history.followingUp, events.cancelled('following-up')])
      .when(command, ctx(actors.director))
      .thenThrows('PROCEDURE_CANCELLED');
    expect(error.message).toContain('Процедура исключена из плана');
  });
});
