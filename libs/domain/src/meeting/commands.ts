import type { MeetingPlanned } from './events';
import type { AgendaItem, DecisionCorrectionNote, MeetingRecord } from './values';

type Command<Type extends string, Data> = { type: Type; data: Data };

export type PlanMeeting = Command<'PlanMeeting', MeetingPlanned['data']>;

/** `position` is 0-based; the end of the agenda when absent. */
export type AddAgendaItem = Command<
  'AddAgendaItem',
  { meetingId: string; item: AgendaItem; position?: number; reason: string }
>;

export type RemoveAgendaItem = Command<
  'RemoveAgendaItem',
  { meetingId: string; itemId: string; reason: string }
>;

/** `order` lists every item id of the agenda once, in the new order. */
export type ReorderAgenda = Command<'ReorderAgenda', { meetingId: string; order: string[]; reason: string }>;

/** The protocol number comes from the school's register (see protocol-register.ts), never from the client. */
export type HoldMeeting = Command<
  'HoldMeeting',
  { meetingId: string; protocolNumber: number } & MeetingRecord
>;

/**
 * A minutes item may leave out `decisionIds`: it keeps the decisions it had. `decisions` is filled by the use case
 * with the protocol's decisions it has put right on their own streams under the same correction.
 */
export type CorrectMeeting = Command<
  'CorrectMeeting',
  {
    meetingId: string;
    correction: Partial<Omit<MeetingRecord, 'minutes'>> & { minutes?: CorrectedMinutesItem[] };
    reason: string;
    decisions?: DecisionCorrectionNote[];
  }
>;

export interface CorrectedMinutesItem {
  itemId: string;
  heard: string;
  decisionIds?: string[];
}

export type SignProtocol = Command<'SignProtocol', { meetingId: string; signedOn: string }>;

export type CancelMeeting = Command<'CancelMeeting', { meetingId: string; reason: string }>;

export type MeetingCommand =
  | PlanMeeting
  | AddAgendaItem
  | RemoveAgendaItem
  | ReorderAgenda
  | HoldMeeting
  | CorrectMeeting
  | SignProtocol
  | CancelMeeting;
export type MeetingCommandType = MeetingCommand['type'];
