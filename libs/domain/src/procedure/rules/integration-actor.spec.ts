import { actors, ctx, events, history, procedureSpec, SCHOOL, userCommands } from '../testing/fixtures';

/** A calendar integration plans for its own school: it schedules, moves and cancels, and nothing else. */
const calendar = actors.calendar;
const cancel = userCommands.cancel;
const MARCH = '2024-03-01T06:00:00.000Z';

describe('scheduled (by a calendar integration of the school)', () => {
  const given = procedureSpec.given(history.scheduled);

  it('is cancelled by the integration, with the calendar’s reason', () => {
    given.when(cancel, ctx(calendar)).then([events.cancelled('scheduled')]);
  });

  it('is moved by the integration', () => {
    given.when(userCommands.reschedule, ctx(calendar, MARCH)).then([
      {
        type: 'ProcedureRescheduled',
        data: {
          procedureId: userCommands.reschedule.data.procedureId,
          previousWindow: events.scheduled().data.window,
          window: userCommands.reschedule.data.window,
          reason: 'Перенос',
        },
      },
    ]);
  });

  it('is not cancelled by an integration of another school', () => {
    given.when(cancel, ctx(calendar, undefined, `${SCHOOL}-other`)).thenThrows('SCHOOL_MISMATCH');
  });

  it('is not marked performed by the integration: only planning acts are its own', () => {
    given.when(userCommands.performed, ctx(calendar)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});

describe('none', () => {
  it('is scheduled by the integration for its own school only', () => {
    const scheduled = events.scheduled();
    procedureSpec
      .given(history.none)
      .when({ type: 'ScheduleProcedure', data: scheduled.data }, ctx(calendar, undefined, `${SCHOOL}-other`))
      .thenThrows('SCHOOL_MISMATCH');
  });
});
