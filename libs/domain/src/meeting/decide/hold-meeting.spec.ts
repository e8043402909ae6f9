import { actors, commands, ctx, events, history, meetingSpec } from '../testing/fixtures';

describe('planned', () => {
  const given = meetingSpec.given(history.planned);

  it('is held with the number the register gave, its participants and per item what was heard and decided', () => {
    given.when(commands.hold(), ctx(actors.secretary)).then([events.held()]);
  });

  it('may be held on another day than planned, or recorded with the month only', () => {
    const date = { precision: 'month', month: '2023-08' } as const;
    given.when(commands.hold({ date }), ctx(actors.director)).then([events.held({ date })]);
  });

  it('is not recorded as held before its day', () => {
    given
      .when(commands.hold({ date: { precision: 'day', date: '2023-09-05' } }), ctx(actors.director))
      .thenThrows('DATE_IN_FUTURE');
  });

  it('refuses a protocol number that is not a positive whole number', () => {
    given
      .when(commands.hold({ protocolNumber: 0 }), ctx(actors.director))
      .thenThrows('PROTOCOL_NUMBER_INVALID');
    given
      .when(commands.hold({ protocolNumber: 1.5 }), ctx(actors.director))
      .thenThrows('PROTOCOL_NUMBER_INVALID');
  });

  it('minutes speak of the agenda’s items only, each once, with what was heard', () => {
    const stray = [{ itemId: 'i-nope', heard: 'x', decisionIds: [] }];
    given.when(commands.hold({ minutes: stray }), ctx(actors.director)).thenThrows('AGENDA_ITEM_UNKNOWN');
    const twice = [
      { itemId: 'i-vpr', heard: 'x', decisionIds: [] },
      { itemId: 'i-vpr', heard: 'y', decisionIds: [] },
    ];
    given.when(commands.hold({ minutes: twice }), ctx(actors.director)).thenThrows('MINUTES_INVALID');
    const silent = [{ itemId: 'i-vpr', heard: ' ', decisionIds: [] }];
    given.when(commands.hold({ minutes: silent }), ctx(actors.director)).thenThrows('MINUTES_HEARD_REQUIRED');
  });

  it('is recorded by the administration or the secretary only', () => {
    given.when(commands.hold(), ctx(actors.teacher)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});

describe('held', () => {
  it('is not held twice', () => {
    meetingSpec
      .given(history.held)
      .when(commands.hold(), ctx(actors.director))
      .thenThrows('MEETING_ALREADY_HELD');
  });
});

describe('cancelled', () => {
  it('cannot be held', () => {
    meetingSpec
      .given(history.cancelled)
      .when(commands.hold(), ctx(actors.director))
      .thenThrows('MEETING_CANCELLED');
  });
});

describe('none', () => {
  it('cannot be held before it is planned', () => {
    meetingSpec
      .given(history.none)
      .when(commands.hold(), ctx(actors.director))
      .thenThrows('MEETING_NOT_FOUND');
  });
});
