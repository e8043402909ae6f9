import type { MeetingCommand } from '../commands';
import { actors, ctx, events, history, MEETING, meetingSpec } from '../testing/fixtures';

const sign = (signedOn = '2023-08-31'): MeetingCommand => ({
  type: 'SignProtocol',
  data: { meetingId: MEETING, signedOn },
});
const cancel = (reason = 'Перенесено на сентябрь'): MeetingCommand => ({
  type: 'CancelMeeting',
  data: { meetingId: MEETING, reason },
});

describe('held', () => {
  const given = meetingSpec.given(history.held);

  it('has its protocol signed, not before the meeting nor in the future', () => {
    given.when(sign(), ctx(actors.director)).then([events.signed()]);
    given.when(sign('2023-08-29'), ctx(actors.director)).thenThrows('DATE_BEFORE_MEETING');
    given.when(sign('2023-09-02'), ctx(actors.director)).thenThrows('DATE_IN_FUTURE');
  });

  it('cannot be cancelled once held', () => {
    given.when(cancel(), ctx(actors.director)).thenThrows('MEETING_ALREADY_HELD');
  });
});

describe('signed', () => {
  it('is signed once', () => {
    meetingSpec
      .given(history.signed)
      .when(sign(), ctx(actors.director))
      .thenThrows('PROTOCOL_ALREADY_SIGNED');
  });
});

describe('planned', () => {
  const given = meetingSpec.given(history.planned);

  it('is cancelled with a reason', () => {
    given.when(cancel(), ctx(actors.director)).then([events.cancelled()]);
    given.when(cancel(''), ctx(actors.director)).thenThrows('REASON_REQUIRED');
  });

  it('has no protocol to sign', () => {
    given.when(sign(), ctx(actors.director)).thenThrows('MEETING_NOT_HELD');
  });

  it('belongs to its school', () => {
    given.when(cancel(), ctx(actors.director, undefined, 'school-2')).thenThrows('SCHOOL_MISMATCH');
  });
});
