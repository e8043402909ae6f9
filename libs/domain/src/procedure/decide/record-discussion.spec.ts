import type { RecordDiscussion } from '../commands';
import { actors, ctx, events, history, meeting, PROCEDURE, procedureSpec } from '../testing/fixtures';
import { MEETING_LEVELS } from '../values';

const discuss = (over: Partial<RecordDiscussion['data']['meeting']> = {}): RecordDiscussion => ({
  type: 'RecordDiscussion',
  data: { procedureId: PROCEDURE, meeting: { ...meeting, ...over } },
});

describe('analysed', () => {
  const given = procedureSpec.given(history.analysed);

  it('records the meeting: level, date and protocol number', () => {
    given.when(discuss(), ctx(actors.ivanova)).then([events.discussed()]);
  });

  it.each(MEETING_LEVELS)('accepts the meeting level %s', (level) => {
    given
      .when(discuss({ level }), ctx(actors.director))
      .then([
        { type: 'DiscussionRecorded', data: { procedureId: PROCEDURE, meeting: { ...meeting, level } } },
      ]);
  });

  it('refuses a meeting level outside the closed list', () => {
    given
      .when(discuss({ level: 'school-council' as never }), ctx(actors.ivanova))
      .thenThrows('MEETING_LEVEL_UNKNOWN');
  });

  it('needs a protocol number', () => {
    given.when(discuss({ protocolNumber: '' }), ctx(actors.ivanova)).thenThrows('PROTOCOL_NUMBER_REQUIRED');
  });

  it('is not held before the analysis, nor in the future', () => {
    given
      .when(discuss({ heldOn: '2024-04-21' }), ctx(actors.ivanova))
      .thenThrows('DATE_BEFORE_PREVIOUS_STAGE');
    given.when(discuss({ heldOn: '2024-05-03' }), ctx(actors.ivanova)).thenThrows('DATE_IN_FUTURE');
  });

  it('is recorded by the responsible or the administration only', () => {
    given.when(discuss(), ctx(actors.sidorova)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  describe('from a held meeting (the system, naming the meeting)', () => {
    const fromMeeting = { meetingId: 'm-council', protocolNumber: '1', dateAsWritten: 'Апрель 2024' };

    it('records the meeting id and the date as the protocol writes it', () => {
      given.when(discuss(fromMeeting), ctx(actors.system)).then([
        {
          type: 'DiscussionRecorded',
          data: { procedureId: PROCEDURE, meeting: { ...meeting, ...fromMeeting } },
        },
      ]);
    });

    it('is refused for another school’s procedure', () => {
      given
        .when(discuss(fromMeeting), ctx(actors.system, undefined, 'school-other'))
        .thenThrows('SCHOOL_MISMATCH');
    });

    it('is not the system’s to record without a meeting', () => {
      given.when(discuss(), ctx(actors.system)).thenThrows('ACTOR_NOT_ALLOWED');
    });
  });
});

describe('performed', () => {
  it('cannot be discussed before it is analysed', () => {
    procedureSpec
      .given(history.performed)
      .when(discuss(), ctx(actors.ivanova))
      .thenThrows('STAGE_OUT_OF_ORDER');
  });
});

describe('following-up', () => {
  it('is not discussed a second time', () => {
    procedureSpec
      .given(history.followingUp)
      .when(discuss(), ctx(actors.ivanova))
      .thenThrows('STAGE_ALREADY_DONE');
  });
});

describe('performed, from a held meeting', () => {
  it('is not discussed before it is analysed, even by a meeting', () => {
    procedureSpec
      .given(history.performed)
      .when(discuss({ meetingId: 'm-council' }), ctx(actors.system))
      .thenThrows('STAGE_OUT_OF_ORDER');
  });
});
