import type { MeetingCommand } from '../commands';
import { actors, ctx, held, history, MEETING, meetingSpec } from '../testing/fixtures';

const correct = (correction: object, reason = 'Опечатка в протоколе'): MeetingCommand => ({
  type: 'CorrectMeeting',
  data: { meetingId: MEETING, correction, reason },
});

describe('held', () => {
  const given = meetingSpec.given(history.held);

  it('is corrected by a later event that keeps what the record said and why it changed', () => {
    const date = { precision: 'day', date: '2023-08-29' } as const;
    const state = given.when(correct({ date }), ctx(actors.director)).then([
      {
        type: 'MeetingCorrected',
        data: {
          meetingId: MEETING,
          correction: { date },
          previous: { date: held.date },
          reason: 'Опечатка в протоколе',
        },
      },
    ]);
    expect(state.status === 'held' && state.record.date).toEqual(date);
    expect(state.status === 'held' && state.corrections).toEqual([
      { fields: ['date'], reason: 'Опечатка в протоколе' },
    ]);
  });

  it('needs a reason and something to correct; a correction to the same values records nothing', () => {
    given
      .when(correct({ date: { precision: 'month', month: '2023-08' } }, ''), ctx(actors.director))
      .thenThrows('REASON_REQUIRED');
    given.when(correct({}), ctx(actors.director)).thenThrows('CORRECTION_EMPTY');
    given.when(correct({ date: held.date }), ctx(actors.director)).thenNothing();
  });

  it('checks a corrected value like the original', () => {
    given
      .when(correct({ date: { precision: 'day', date: '2025-01-01' } }), ctx(actors.director))
      .thenThrows('MEETING_DATE_OUTSIDE_YEAR');
  });
});

describe('signed', () => {
  it('is corrected the same way after signing', () => {
    const participants = [{ name: 'Педагогический коллектив, 25 человек' }];
    meetingSpec
      .given(history.signed)
      .when(correct({ participants }), ctx(actors.deputy))
      .then([
        {
          type: 'MeetingCorrected',
          data: {
            meetingId: MEETING,
            correction: { participants },
            previous: { participants: held.participants },
            reason: 'Опечатка в протоколе',
          },
        },
      ]);
  });
});

describe('planned', () => {
  it('has no record to correct yet: its plan is changed instead', () => {
    meetingSpec
      .given(history.planned)
      .when(correct({ participants: [] }), ctx(actors.director))
      .thenThrows('MEETING_NOT_HELD');
  });
});
