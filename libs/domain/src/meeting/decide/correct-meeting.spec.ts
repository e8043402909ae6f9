import type { MeetingCommand } from '../commands';
import type { MeetingEvent } from '../events';
import { evolveMeeting } from '../evolve';
import { initialMeetingState } from '../state';
import { actors, ctx, held, history, MEETING, meetingSpec } from '../testing/fixtures';

type Correction = Extract<MeetingCommand, { type: 'CorrectMeeting' }>['data'];

const correct = (
  correction: Correction['correction'],
  reason = 'Опечатка в протоколе',
  decisions?: Correction['decisions'],
): MeetingCommand => ({
  type: 'CorrectMeeting',
  data: { meetingId: MEETING, correction, reason, ...(decisions ? { decisions } : {}) },
});

/** 01.09.2023 in Yekaterinburg, the fixtures' moment. */
const today = '2023-09-01';

describe('held', () => {
  const given = meetingSpec.given(history.held);

  it('is corrected by a later event that keeps what the record said, why and when it changed', () => {
    const date = { precision: 'day', date: '2023-08-29' } as const;
    const state = given.when(correct({ date }), ctx(actors.director)).then([
      {
        type: 'MeetingCorrected',
        data: {
          meetingId: MEETING,
          correction: { date },
          previous: { date: held.date },
          reason: 'Опечатка в протоколе',
          correctedOn: today,
        },
      },
    ]);
    expect(state.status === 'held' && state.record.date).toEqual(date);
    expect(state.status === 'held' && state.corrections).toEqual([
      { fields: ['date'], reason: 'Опечатка в протоколе', correctedOn: today },
    ]);
  });

  it('puts right a typo in «слушали» alone: other items stay, and the item keeps its decisions', () => {
    const heard = 'Иванову И. И. об итогах ВПР в 4–8 классах';
    const state = given.when(correct({ minutes: [{ itemId: 'i-vpr', heard }] }), ctx(actors.deputy)).then([
      {
        type: 'MeetingCorrected',
        data: {
          meetingId: MEETING,
          correction: {
            minutes: [{ itemId: 'i-vpr', heard, decisionIds: ['d-1', 'd-2'] }, held.minutes[1]],
          },
          previous: { minutes: held.minutes },
          reason: 'Опечатка в протоколе',
          correctedOn: today,
        },
      },
    ]);
    expect(state.status === 'held' && state.record.minutes.map((m) => m.heard)).toEqual([
      heard,
      'Петрова П. П. об итогах ГИА',
    ]);
  });

  it('adds what was heard on an agenda item the record had left out', () => {
    const minutes = [{ itemId: 'i-carried', heard: 'Сидорову С. С. о неисполненном решении' }];
    given.when(correct({ minutes }), ctx(actors.director)).then([
      {
        type: 'MeetingCorrected',
        data: {
          meetingId: MEETING,
          correction: { minutes: [...held.minutes, { ...minutes[0], decisionIds: [] }] },
          previous: { minutes: held.minutes },
          reason: 'Опечатка в протоколе',
          correctedOn: today,
        },
      },
    ]);
  });

  it('keeps the record’s order of fields, whatever order the log keeps the event’s keys in', () => {
    const participants = [{ name: 'Педагогический коллектив, 26 человек' }];
    const date = { precision: 'day', date: '2023-08-29' } as const;
    const corrected: MeetingEvent = {
      type: 'MeetingCorrected',
      data: {
        meetingId: MEETING,
        correction: { participants, date },
        previous: { participants: held.participants, date: held.date },
        reason: 'Опечатки',
        correctedOn: today,
      },
    };
    const state = [...history.held, corrected].reduce(evolveMeeting, initialMeetingState);
    expect(state.status === 'held' && state.corrections[0].fields).toEqual(['date', 'participants']);
  });

  it('corrects a wrong attendance', () => {
    const participants = [{ name: 'Педагогический коллектив, 26 человек' }];
    given.when(correct({ participants }, 'Неверно посчитаны присутствующие'), ctx(actors.director)).then([
      {
        type: 'MeetingCorrected',
        data: {
          meetingId: MEETING,
          correction: { participants },
          previous: { participants: held.participants },
          reason: 'Неверно посчитаны присутствующие',
          correctedOn: today,
        },
      },
    ]);
  });

  it('names the protocol’s decisions put right under the same correction', () => {
    const state = given
      .when(
        correct({}, 'Срок в протоколе записан неверно', [{ decisionId: 'd-2', fields: ['deadline'] }]),
        ctx(actors.director),
      )
      .then([
        {
          type: 'MeetingCorrected',
          data: {
            meetingId: MEETING,
            correction: {},
            previous: {},
            reason: 'Срок в протоколе записан неверно',
            correctedOn: today,
            decisions: [{ decisionId: 'd-2', fields: ['deadline'] }],
          },
        },
      ]);
    expect(state.status === 'held' && state.corrections[0].decisions).toEqual([
      { decisionId: 'd-2', fields: ['deadline'] },
    ]);
  });

  it('names only decisions of this protocol, each once, with what was put right', () => {
    given
      .when(correct({}, 'Опечатка', [{ decisionId: 'd-other', fields: ['wording'] }]), ctx(actors.director))
      .thenThrows('DECISION_NOT_IN_PROTOCOL');
    given
      .when(
        correct({}, 'Опечатка', [
          { decisionId: 'd-1', fields: ['wording'] },
          { decisionId: 'd-1', fields: ['deadline'] },
        ]),
        ctx(actors.director),
      )
      .thenThrows('CORRECTION_DECISIONS_INVALID');
    given
      .when(correct({}, 'Опечатка', [{ decisionId: 'd-1', fields: [] }]), ctx(actors.director))
      .thenThrows('CORRECTION_DECISIONS_INVALID');
  });

  it('does not add or drop decisions through the minutes: they are adopted or withdrawn on their own', () => {
    const dropped = [{ itemId: 'i-vpr', heard: held.minutes[0].heard, decisionIds: ['d-1'] }];
    given
      .when(correct({ minutes: dropped }), ctx(actors.director))
      .thenThrows('CORRECTION_CHANGES_DECISIONS');
    const moved = [
      { itemId: 'i-vpr', heard: held.minutes[0].heard, decisionIds: ['d-1'] },
      { itemId: 'i-gia', heard: held.minutes[1].heard, decisionIds: ['d-2'] },
    ];
    given.when(correct({ minutes: moved }, 'Решение записано не к тому вопросу'), ctx(actors.director)).then([
      {
        type: 'MeetingCorrected',
        data: {
          meetingId: MEETING,
          correction: { minutes: moved },
          previous: { minutes: held.minutes },
          reason: 'Решение записано не к тому вопросу',
          correctedOn: today,
        },
      },
    ]);
  });

  it('needs a reason and something to correct; a correction to the same values records nothing', () => {
    given
      .when(correct({ date: { precision: 'month', month: '2023-08' } }, ''), ctx(actors.director))
      .thenThrows('REASON_REQUIRED');
    given.when(correct({}), ctx(actors.director)).thenThrows('CORRECTION_EMPTY');
    given.when(correct({}, 'Опечатка', []), ctx(actors.director)).thenThrows('CORRECTION_EMPTY');
    given.when(correct({ date: held.date }), ctx(actors.director)).thenNothing();
  });

  it('checks a corrected value like the original', () => {
    given
      .when(correct({ date: { precision: 'day', date: '2025-01-01' } }), ctx(actors.director))
      .thenThrows('MEETING_DATE_OUTSIDE_YEAR');
    given
      .when(correct({ minutes: [{ itemId: 'i-vpr', heard: ' ' }] }), ctx(actors.director))
      .thenThrows('MINUTES_HEARD_REQUIRED');
    given
      .when(correct({ minutes: [{ itemId: 'i-unknown', heard: 'Кого-то' }] }), ctx(actors.director))
      .thenThrows('AGENDA_ITEM_UNKNOWN');
  });

  it('is corrected by the administration or the meeting’s secretary, of its own school only', () => {
    const participants = [{ name: 'Педагогический коллектив, 25 человек' }];
    given.when(correct({ participants }), ctx(actors.secretary)).then([
      {
        type: 'MeetingCorrected',
        data: {
          meetingId: MEETING,
          correction: { participants },
          previous: { participants: held.participants },
          reason: 'Опечатка в протоколе',
          correctedOn: today,
        },
      },
    ]);
    given.when(correct({ participants }), ctx(actors.teacher)).thenThrows('ACTOR_NOT_ALLOWED');
    given
      .when(correct({ participants }), ctx(actors.director, undefined, 'school-2'))
      .thenThrows('SCHOOL_MISMATCH');
  });
});

describe('held, corrected before', () => {
  it('is corrected again from the corrected record, and keeps every correction in order', () => {
    const first = { precision: 'day', date: '2023-08-29' } as const;
    const second = { precision: 'day', date: '2023-08-28' } as const;
    const state = meetingSpec
      .given([
        ...history.held,
        {
          type: 'MeetingCorrected',
          data: {
            meetingId: MEETING,
            correction: { date: first },
            previous: { date: held.date },
            reason: 'Опечатка',
          },
        },
      ])
      .when(correct({ date: second }, 'Снова опечатка'), ctx(actors.director))
      .then([
        {
          type: 'MeetingCorrected',
          data: {
            meetingId: MEETING,
            correction: { date: second },
            previous: { date: first },
            reason: 'Снова опечатка',
            correctedOn: today,
          },
        },
      ]);
    expect(state.status === 'held' && state.corrections.map((c) => c.reason)).toEqual([
      'Опечатка',
      'Снова опечатка',
    ]);
  });
});

describe('signed', () => {
  it('is corrected the same way after signing', () => {
    const participants = [{ name: 'Педагогический коллектив, 25 человек' }];
    const state = meetingSpec
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
            correctedOn: today,
          },
        },
      ]);
    expect(state.status).toBe('signed');
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

describe('cancelled and none', () => {
  it('has nothing to correct', () => {
    meetingSpec
      .given(history.cancelled)
      .when(correct({ participants: [] }), ctx(actors.director))
      .thenThrows('MEETING_CANCELLED');
    meetingSpec
      .given(history.none)
      .when(correct({ participants: [] }), ctx(actors.director))
      .thenThrows('MEETING_NOT_FOUND');
  });
});
