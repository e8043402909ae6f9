import {
  evolveMeeting,
  MEETING_EVENT_TYPES,
  meetingStreamName,
  type MeetingEvent,
  type MeetingState,
} from '@vsoko/domain';
import type { ProjectedDocument, Projection } from '../projection';

type Recorded = Exclude<MeetingState, { status: 'none' }>;

/** A meeting as the decider sees it, plus where it entered the log: reports list meetings in that order. */
export type MeetingDocument = ProjectedDocument &
  Recorded & {
    /** Log position of the MeetingPlanned event: the order the school registered its meetings in. */
    registeredAt: number;
    revision: number;
  };

export const meetingProjection: Projection<MeetingDocument> = {
  collection: 'meetings',
  handles: MEETING_EVENT_TYPES,
  documentIds: (event) => {
    const id = (event.data as { meetingId?: unknown }).meetingId;
    return typeof id === 'string' && event.streamName === meetingStreamName(id) ? [id] : [];
  },
  evolve(doc, event) {
    const before: MeetingState = doc ? stateOf(doc) : { status: 'none' };
    const after = evolveMeeting(before, event as unknown as MeetingEvent);
    if (after === before || after.status === 'none') return doc;
    return {
      ...after,
      _id: after.meetingId,
      _position: event.position,
      registeredAt: doc?.registeredAt ?? event.position,
      revision: event.revision,
    };
  },
  indexes: [{ key: { schoolId: 1, academicYear: 1, registeredAt: 1 }, name: 'school_year_order' }],
};

export function stateOf(doc: MeetingDocument): Recorded {
  const { _id, _position, registeredAt: _r, revision: _v, ...state } = doc;
  return state as Recorded;
}
