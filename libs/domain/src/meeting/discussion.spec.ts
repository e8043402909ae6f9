import { discussionOf, proceduresOnAgenda } from './discussion';
import { evolveMeeting } from './evolve';
import type { MeetingEvent } from './events';
import type { HeldMeeting } from './state';
import { events, MEETING } from './testing/fixtures';

const heldWith = (...extra: MeetingEvent[]) =>
  [events.planned(), ...extra].reduce(evolveMeeting, { status: 'none' }) as HeldMeeting;

describe('the discussion a held meeting gives the procedures on its agenda', () => {
  it('lists every procedure on the agenda once, not the decisions carried over', () => {
    const meeting = heldWith(events.held());
    expect(proceduresOnAgenda(meeting)).toEqual(['p-vpr', 'p-gia']);
    expect(
      proceduresOnAgenda({
        agenda: [
          ...meeting.agenda,
          { itemId: 'again', title: 'ВПР ещё раз', subject: meeting.agenda[0].subject },
        ],
      }),
    ).toEqual(['p-vpr', 'p-gia']);
  });

  it('is one level, day and protocol number, naming the meeting', () => {
    expect(discussionOf(heldWith(events.held()), '2023-09-01')).toEqual({
      level: 'pedagogical-council',
      heldOn: '2023-08-30',
      protocolNumber: '1',
      meetingId: MEETING,
    });
  });

  it('keeps a month as written and takes the day recorded, inside that month', () => {
    const august = heldWith(events.held({ date: { precision: 'month', month: '2023-08' } }));
    expect(discussionOf(august, '2023-08-29')).toMatchObject({
      heldOn: '2023-08-29',
      dateAsWritten: 'Август 2023',
    });
    expect(discussionOf(august, '2024-01-15').heldOn).toBe('2023-08-31');
    const december = heldWith(events.held({ date: { precision: 'month', month: '2023-12' } }));
    expect(discussionOf(december, '2024-02-01').heldOn).toBe('2023-12-31');
  });

  it('takes the day recorded when the protocol gives no date', () => {
    const undated = heldWith(events.held({ date: { precision: 'unknown' } }));
    expect(discussionOf(undated, '2023-10-02')).toEqual({
      level: 'pedagogical-council',
      heldOn: '2023-10-02',
      protocolNumber: '1',
      meetingId: MEETING,
    });
  });
});
