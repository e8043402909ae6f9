import type { Meeting } from '../../libs/domain/src';

/** Meetings' work runs on the procedures' task queue: the same workers drive the procedure workflows. */
export const MEETINGS_TASK_QUEUE = 'procedures';

/**
 * One run per held meeting, id derived from the meeting id: holding it again (a retried request) finds the same
 * run, or starts a new one whose steps find the work done.
 */
export function meetingDiscussionsWorkflowId(meetingId: string): string {
  return `meeting-discussions-${meetingId}`;
}

export interface MeetingDiscussionsInput {
  meetingId: string;
}

/** What the held meeting gives its procedures, read from its stream. */
export interface HeldMeetingAgenda {
  schoolId: string;
  discussion: Meeting;
  procedureIds: string[];
  /** The MeetingHeld event: every discussion it causes names it, and shares its correlation and instant. */
  heldEventId: string;
  correlationId: string;
  occurredAt: string;
}

export interface DiscussionOutcome {
  procedureId: string;
  /** `already`: a repeated run found the stage given by this meeting before. */
  outcome: 'discussed' | 'already' | 'refused';
  code?: string;
  message?: string;
}

export interface MeetingDiscussionsReport {
  meetingId: string;
  outcomes: DiscussionOutcome[];
}
