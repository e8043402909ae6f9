import type { DecisionCommand } from '../commands';
import { actors, ctx, DECISION, decisionSpec, events, standing, wholeYear } from '../testing/fixtures';

const checkIn = (dueOn: string, note = 'Собраны данные 1–4 классов'): DecisionCommand => ({
  type: 'RecordCheckIn',
  data: { decisionId: DECISION, dueOn, note },
});
const AT = '2023-10-30T06:00:00.000Z';

describe('open, whole year', () => {
  const given = decisionSpec.given([events.adopted({ deadline: wholeYear })]);

  it('reports progress for a term’s check-in', () => {
    given.when(checkIn('2023-10-31'), ctx(actors.vinogradova, AT)).then([
      {
        type: 'CheckInRecorded',
        data: {
          decisionId: DECISION,
          dueOn: '2023-10-31',
          note: 'Собраны данные 1–4 классов',
          recordedOn: '2023-10-30',
        },
      },
    ]);
  });

  it('refuses a day that is no check-in, a report without text, and a second report for the same day', () => {
    given.when(checkIn('2023-11-30'), ctx(actors.vinogradova, AT)).thenThrows('CHECK_IN_UNKNOWN');
    given.when(checkIn('2023-10-31', ''), ctx(actors.vinogradova, AT)).thenThrows('CHECK_IN_NOTE_REQUIRED');
    decisionSpec
      .given([
        events.adopted({ deadline: wholeYear }),
        {
          type: 'CheckInRecorded',
          data: { decisionId: DECISION, dueOn: '2023-10-31', note: 'x', recordedOn: '2023-10-30' },
        },
      ])
      .when(checkIn('2023-10-31'), ctx(actors.vinogradova, AT))
      .thenThrows('CHECK_IN_ALREADY_RECORDED');
  });

  it('takes a report after the check-in was missed, marked late', () => {
    const missed = {
      type: 'CheckInMissed',
      data: { decisionId: DECISION, dueOn: '2023-10-31', wording: 'w', responsible: { name: 'x' } },
    } as const;
    const state = decisionSpec
      .given([events.adopted({ deadline: wholeYear }), missed])
      .when(checkIn('2023-10-31'), ctx(actors.vinogradova, '2023-11-02T06:00:00.000Z'))
      .then([
        {
          type: 'CheckInRecorded',
          data: {
            decisionId: DECISION,
            dueOn: '2023-10-31',
            note: 'Собраны данные 1–4 классов',
            recordedOn: '2023-11-02',
          },
        },
      ]);
    expect(state.status === 'open' && state.checkIns).toEqual([
      { dueOn: '2023-10-31', outcome: 'recorded', note: 'Собраны данные 1–4 классов', late: true },
    ]);
  });
});

describe('open, standing', () => {
  it('reports progress for the end of any month after adoption', () => {
    const given = decisionSpec.given([events.adopted({ deadline: standing })]);
    given.when(checkIn('2023-09-30'), ctx(actors.shmo, AT)).then([
      {
        type: 'CheckInRecorded',
        data: {
          decisionId: DECISION,
          dueOn: '2023-09-30',
          note: 'Собраны данные 1–4 классов',
          recordedOn: '2023-10-30',
        },
      },
    ]);
    given.when(checkIn('2023-09-29'), ctx(actors.shmo, AT)).thenThrows('CHECK_IN_UNKNOWN');
  });
});

describe('open, dated', () => {
  it('has no check-ins', () => {
    decisionSpec
      .given([events.adopted()])
      .when(checkIn('2023-10-31'), ctx(actors.vinogradova, AT))
      .thenThrows('CHECK_IN_UNKNOWN');
  });
});
