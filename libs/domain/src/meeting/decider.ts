import type { Decider } from '../shared';
import type { MeetingCommand } from './commands';
import { decideMeeting } from './decide';
import type { MeetingEvent } from './events';
import { evolveMeeting } from './evolve';
import { initialMeetingState, type MeetingState } from './state';

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide: decideMeeting,
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};
