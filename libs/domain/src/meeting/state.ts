import type { MeetingPlanned } from './events';
import type { MeetingCorrectionEntry, MeetingRecord } from './values';

/** Plain JSON, like the procedure's state: it crosses workflow boundaries and answers queries. */
export type MeetingBase = Readonly<MeetingPlanned['data']>;

export interface PlannedMeeting extends MeetingBase {
  status: 'planned';
}

export interface HeldMeeting extends MeetingBase {
  status: 'held';
  protocolNumber: number;
  record: MeetingRecord;
  corrections: readonly MeetingCorrectionEntry[];
}

export interface SignedMeeting extends Omit<HeldMeeting, 'status'> {
  status: 'signed';
  signedOn: string;
}

export interface CancelledMeeting extends MeetingBase {
  status: 'cancelled';
  cancellationReason: string;
}

export type MeetingState =
  { status: 'none' } | PlannedMeeting | HeldMeeting | SignedMeeting | CancelledMeeting;

export const initialMeetingState: MeetingState = { status: 'none' };
