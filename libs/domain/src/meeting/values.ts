import type { Responsible } from '../procedure/values';
import { ruDate } from '../shared';

/**
 * When a meeting was (or is to be) held, as precisely as its paper says: a day, a month («Август 2023»), or
 * nothing at all (seed 002's «Методический совет» has no date; only its academic year is known).
 */
export type MeetingDate =
  { precision: 'day'; date: string } | { precision: 'month'; month: string } | { precision: 'unknown' };

/** What a meeting considers: a procedure's results, an earlier decision carried over, or anything else. */
export type AgendaSubject =
  { kind: 'procedure'; procedureId: string } | { kind: 'decision'; decisionId: string };

export interface AgendaItem {
  itemId: string;
  title: string;
  subject?: AgendaSubject;
}

/** What the protocol says about one agenda item: what was heard (СЛУШАЛИ) and the decisions adopted (РЕШИЛИ). */
export interface MinutesItem {
  itemId: string;
  heard: string;
  /** Ids of the Decision aggregates adopted under this item, in the protocol's order. */
  decisionIds: string[];
}

/** The part of a held meeting's record that a later correction may change. */
export interface MeetingRecord {
  date: MeetingDate;
  chair?: Responsible;
  secretary?: Responsible;
  participants: Responsible[];
  minutes: MinutesItem[];
}

/** The record's fields in the protocol's order; a correction names the ones it changed in this order. */
export const MEETING_RECORD_FIELDS = ['date', 'chair', 'secretary', 'participants', 'minutes'] as const;

/** What the protocol said about a decision adopted at the meeting, put right on the decision's own stream. */
export type DecisionCorrectionField = 'wording' | 'deadline' | 'executors';

/** Which decisions of the protocol a correction put right, and in what; the values live on their streams. */
export interface DecisionCorrectionNote {
  decisionId: string;
  fields: DecisionCorrectionField[];
}

/** One correction of a held meeting as its state keeps it, for the protocol's «Исправлено …» note. */
export interface MeetingCorrectionEntry {
  /** The record's fields changed, in the order of MeetingRecord. */
  fields: string[];
  reason: string;
  /** The school day of the correction; absent on corrections recorded before it was kept. */
  correctedOn?: string;
  decisions?: DecisionCorrectionNote[];
}

export const MEETING_STATUSES = ['none', 'planned', 'held', 'signed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_TITLES: Record<MeetingStatus, string> = {
  none: 'не запланировано',
  planned: 'запланировано',
  held: 'проведено',
  signed: 'протокол подписан',
  cancelled: 'отменено',
};

/** Month names as the school's documents write them (lower case, nominative). */
export const MONTH_NAMES = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** «15.09.2023», «Август 2023» or an empty string, as the school's report writes a meeting's date. */
export function meetingDateText(date: MeetingDate): string {
  switch (date.precision) {
    case 'day':
      return ruDate(date.date);
    case 'month': {
      const [year, month] = date.month.split('-');
      const name = MONTH_NAMES[Number(month) - 1];
      return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
    }
    case 'unknown':
      return '';
  }
}

/** The first school day the date may mean: a day itself, the first of a month; null when unknown. */
export function earliestDayOf(date: MeetingDate): string | null {
  switch (date.precision) {
    case 'day':
      return date.date;
    case 'month':
      return `${date.month}-01`;
    case 'unknown':
      return null;
  }
}
