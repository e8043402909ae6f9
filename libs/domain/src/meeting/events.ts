import type { DomainEvent } from '../shared';
import type { MeetingLevel, Responsible } from '../procedure/values';
import type { AgendaItem, DecisionCorrectionNote, MeetingDate, MeetingRecord } from './values';

/*
 * What happened to a meeting (педсовет, методсовет, заседание ШМО …), on its own stream. A held meeting's
 * record is never edited: a later MeetingCorrected says what changed and why.
 */

export type MeetingPlanned = DomainEvent<
  'MeetingPlanned',
  {
    meetingId: string;
    schoolId: string;
    academicYear: string;
    level: MeetingLevel;
    /** Which methodical association, for a заседание ШМО («учителей начальных классов»). */
    association?: string;
    /** The name as the school writes it, when it says more than the level («Общешкольное родительское собрание»). */
    title?: string;
    date: MeetingDate;
    chair?: Responsible;
    secretary?: Responsible;
    timeZone: string;
    agenda: AgendaItem[];
  }
>;

export type AgendaItemAdded = DomainEvent<
  'AgendaItemAdded',
  { meetingId: string; item: AgendaItem; position: number; reason: string }
>;

export type AgendaItemRemoved = DomainEvent<
  'AgendaItemRemoved',
  { meetingId: string; itemId: string; reason: string }
>;

export type AgendaReordered = DomainEvent<
  'AgendaReordered',
  { meetingId: string; order: string[]; reason: string }
>;

/** The protocol number is the next of the school's register for the level and year, assigned at holding. */
export type MeetingHeld = DomainEvent<
  'MeetingHeld',
  { meetingId: string; protocolNumber: number; recordedOn: string } & MeetingRecord
>;

/**
 * `previous` holds the values the correction replaces, so the report can show what the paper said first.
 * `decisions` names the decisions of the protocol put right under the same correction (their new wording,
 * deadline or responsible are events on their own streams, ADR 0017). `correctedOn` is the school day, for the
 * protocol's «Исправлено …»; corrections recorded before it was kept have neither.
 */
export type MeetingCorrected = DomainEvent<
  'MeetingCorrected',
  {
    meetingId: string;
    correction: Partial<MeetingRecord>;
    previous: Partial<MeetingRecord>;
    reason: string;
    correctedOn?: string;
    decisions?: DecisionCorrectionNote[];
  }
>;

export type ProtocolSigned = DomainEvent<'ProtocolSigned', { meetingId: string; signedOn: string }>;

export type MeetingCancelled = DomainEvent<'MeetingCancelled', { meetingId: string; reason: string }>;

export type MeetingEvent =
  | MeetingPlanned
  | AgendaItemAdded
  | AgendaItemRemoved
  | AgendaReordered
  | MeetingHeld
  | MeetingCorrected
  | ProtocolSigned
  | MeetingCancelled;
export type MeetingEventType = MeetingEvent['type'];

const EVENT_TYPES = {
  MeetingPlanned: true,
  AgendaItemAdded: true,
  AgendaItemRemoved: true,
  AgendaReordered: true,
  MeetingHeld: true,
  MeetingCorrected: true,
  ProtocolSigned: true,
  MeetingCancelled: true,
} satisfies Record<MeetingEventType, true>;

export const MEETING_EVENT_TYPES = Object.keys(EVENT_TYPES) as MeetingEventType[];
