import {
  MEETING_LEVEL_TITLES,
  MEETING_STATUS_TITLES,
  ruDate,
  type DecisionCorrectionField,
  type MeetingCorrectionEntry,
  type HeldMeeting,
  type MeetingDate,
  type Responsible,
  type SignedMeeting,
} from '@vsoko/domain';
import { ruLongDate, ruMeetingDate } from '../ru-dates';
import type { SchoolHeading } from '../school-heading';
import { shortName } from '../signatory';
import { decisionLines, type DecisionFacts, type DecisionLine } from './decision-lines';

/** A meeting whose protocol exists: held, or held and signed. */
export type RecordedMeeting = HeldMeeting | SignedMeeting;

const LEVEL_GENITIVE: Record<keyof typeof MEETING_LEVEL_TITLES, string> = {
  'pedagogical-council': 'педагогического совета',
  'methodical-council': 'методического совета',
  'subject-association': 'заседания ШМО',
  'director-meeting': 'совещания при директоре',
  'parent-meeting': 'родительского собрания',
  'prevention-council': 'совета профилактики',
  'class-teachers-meeting': 'совещания с классными руководителями',
  'governing-council': 'управляющего совета',
};

/** «Педагогический совет», «Заседание ШМО учителей начальных классов», or the school's own name for it. */
export function meetingTitle(m: Pick<RecordedMeeting, 'level' | 'association' | 'title'>): string {
  if (m.title) return m.title;
  const level = MEETING_LEVEL_TITLES[m.level];
  return m.association ? `${level} ${m.association}` : level;
}

/** What a protocol's title says after «ПРОТОКОЛ № 1»: «заседания педагогического совета». */
const PROTOCOL_OF: Record<keyof typeof MEETING_LEVEL_TITLES, string> = {
  'pedagogical-council': 'заседания педагогического совета',
  'methodical-council': 'заседания методического совета',
  'subject-association': 'заседания ШМО',
  'director-meeting': 'совещания при директоре',
  'parent-meeting': 'родительского собрания',
  'prevention-council': 'заседания совета профилактики',
  'class-teachers-meeting': 'совещания классных руководителей',
  'governing-council': 'заседания управляющего совета',
};

/** «заседания ШМО учителей начальных классов»; a meeting the school named itself: «заседания «…»». */
export function protocolHeading(m: Pick<RecordedMeeting, 'level' | 'association' | 'title'>): string {
  if (m.title) return `заседания «${m.title}»`;
  return m.association ? `${PROTOCOL_OF[m.level]} ${m.association}` : PROTOCOL_OF[m.level];
}

const person = (r: Responsible | undefined) => r?.name ?? '';

export interface MeetingDocumentInput {
  meeting: RecordedMeeting;
  /** Decisions adopted at the meeting (the decision aggregates' facts). */
  decisions: ReadonlyArray<DecisionFacts & { decisionId: string }>;
  generatedOn: string;
  heading: SchoolHeading;
}

export interface ProtocolData extends SchoolHeading {
  academicYear: string;
  generatedOn: string;
  number: number;
  level: string;
  date: string;
  chair: string;
  secretary: string;
  attendeesCount: number;
  attendeesText: string;
  attendees: Array<{ n: number; name: string; role: string }>;
  agenda: Array<{ n: number; title: string }>;
  heading: string;
  items: Array<{ n: number; title: string; heard: string; hasDecisions: boolean; decisions: DecisionLine[] }>;
  decisions: DecisionLine[];
  status: string;
  signedOn: string;
  /** «Исправлено 05.09.2023: <reason> (<what>)», one per correction, oldest first; none when never corrected. */
  corrections: CorrectionNote[];
}

export interface CorrectionNote {
  on: string;
  reason: string;
  what: string;
}

/** The protocol (протокол заседания) from the meeting's record and the decisions adopted at it. */
export function protocolData({
  meeting,
  decisions,
  generatedOn,
  heading,
}: MeetingDocumentInput): ProtocolData {
  const { record } = meeting;
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  const minutes = new Map(record.minutes.map((m) => [m.itemId, m]));
  const agenda = meeting.agenda.map((item, i) => ({ n: i + 1, title: item.title }));
  const items = meeting.agenda.map((item, i) => {
    const m = minutes.get(item.itemId);
    const own = (m?.decisionIds ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const lines = decisionLines(own);
    return {
      n: i + 1,
      title: item.title,
      heard: m?.heard ?? '',
      hasDecisions: lines.length > 0,
      decisions: lines,
    };
  });
  return {
    ...heading,
    academicYear: meeting.academicYear,
    generatedOn,
    number: meeting.protocolNumber,
    level: meetingTitle(meeting),
    heading: protocolHeading(meeting),
    date: ruMeetingDate(record.date),
    chair: person(record.chair ?? meeting.chair),
    secretary: person(record.secretary ?? meeting.secretary),
    attendeesCount: record.participants.length,
    attendeesText: record.participants.map((p) => p.name).join(', '),
    attendees: record.participants.map((p, i) => ({ n: i + 1, name: p.name, role: p.role ?? '' })),
    agenda,
    items,
    decisions: decisionLines(decisions),
    status: MEETING_STATUS_TITLES[meeting.status],
    signedOn: meeting.status === 'signed' ? ruLongDate(meeting.signedOn) : '',
    corrections: correctionNotes(meeting.corrections, decisions),
  };
}

const RECORD_FIELD_TITLES: Record<string, string> = {
  date: 'дата заседания',
  chair: 'председатель',
  secretary: 'секретарь',
  participants: 'присутствовали',
  minutes: '«слушали»',
};

const DECISION_FIELD_TITLES: Record<DecisionCorrectionField, string> = {
  wording: 'формулировка',
  deadline: 'срок',
  executors: 'ответственный',
};

/**
 * The notes a corrected paper carries at its end: when, why and what was put right (the decision by its number
 * in the list). `only` keeps the corrections that touch what the document says (the order: its date, its
 * signatory, its decisions).
 */
export function correctionNotes(
  corrections: readonly MeetingCorrectionEntry[],
  decisions: MeetingDocumentInput['decisions'],
  only: (c: MeetingCorrectionEntry) => boolean = () => true,
): CorrectionNote[] {
  const numberOf = new Map(decisions.map((d) => [d.decisionId, d.number]));
  return corrections.filter(only).map((c) => {
    const what = [
      ...c.fields.map((f) => RECORD_FIELD_TITLES[f] ?? f),
      ...(c.decisions ?? []).map((d) => {
        const number = numberOf.get(d.decisionId);
        const which = number !== undefined ? `решение ${number}` : `решение ${d.decisionId}`;
        return `${which}: ${d.fields.map((f) => DECISION_FIELD_TITLES[f]).join(', ')}`;
      }),
    ].join('; ');
    return { on: c.correctedOn ? ruDate(c.correctedOn) : 'без даты', reason: c.reason, what };
  });
}

/** What an order says of its meeting: the date, the chair who signs, and the decisions it puts into force. */
function touchesOrder(c: MeetingCorrectionEntry): boolean {
  return c.fields.includes('date') || c.fields.includes('chair') || (c.decisions ?? []).length > 0;
}

export interface OrderData extends SchoolHeading {
  academicYear: string;
  generatedOn: string;
  level: string;
  levelGenitive: string;
  meetingDate: string;
  protocolNumber: number;
  decisions: DecisionLine[];
  controlNumber: number;
  director: string;
  acquainted: Array<{ name: string }>;
  corrections: CorrectionNote[];
}

/** A приказ putting into force the decisions adopted at the meeting, numbered as adopted. */
export function orderData({ meeting, decisions, generatedOn, heading }: MeetingDocumentInput): OrderData {
  const lines = decisionLines(decisions);
  const genitive = meeting.title
    ? `заседания «${meeting.title}»`
    : meeting.association
      ? `${LEVEL_GENITIVE[meeting.level]} ${meeting.association}`
      : LEVEL_GENITIVE[meeting.level];
  return {
    ...heading,
    academicYear: meeting.academicYear,
    generatedOn,
    level: meetingTitle(meeting),
    levelGenitive: genitive,
    meetingDate: meetingDateForOrder(meeting.record.date),
    protocolNumber: meeting.protocolNumber,
    decisions: lines,
    controlNumber: lines.length + 1,
    acquainted: acquaintedWith(decisions),
    director: person(meeting.record.chair ?? meeting.chair),
    corrections: correctionNotes(meeting.corrections, decisions, touchesOrder),
  };
}

/**
 * Who signs «С приказом ознакомлены»: every named person the order makes responsible (lead or co-executor), once,
 * as surname and initials. Roles written as text («Руководители ШМО») name nobody to sign, and are left out.
 */
export function acquaintedWith(decisions: MeetingDocumentInput['decisions']): Array<{ name: string }> {
  const seen = new Map<string, string>();
  for (const d of decisions) {
    for (const r of [d.executors.lead, ...d.executors.coExecutors]) {
      if (r.personId && !seen.has(r.personId)) seen.set(r.personId, shortName(r.name));
    }
  }
  return [...seen.values()].map((name) => ({ name }));
}

function meetingDateForOrder(date: MeetingDate): string {
  return ruMeetingDate(date) || 'без даты';
}
