import type { MeetingState } from '../../../libs/domain/src/meeting/state';
import type { AgendaItem, MeetingDate, MinutesItem } from '../../../libs/domain/src/meeting/values';
import type { DecisionState } from '../../../libs/domain/src/decision/state';
import type { Deadline } from '../../../libs/domain/src/decision/values';
import { formatDate } from '../format/dates';

export type { AgendaItem, MeetingDate, MinutesItem, Deadline };
export type Meeting = Exclude<MeetingState, { status: 'none' }> & { revision: number };
export type MeetingStatus = Meeting['status'];
export type DecisionRecord = Exclude<DecisionState, { status: 'none' }> & { revision: number };

export const MEETING_STATUS_NAMES: Record<MeetingStatus, string> = {
  planned: 'Запланировано',
  held: 'Проведено',
  signed: 'Протокол подписан',
  cancelled: 'Отменено',
};

const MONTHS = [
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
const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** «Сентябрь 2026» for a month (YYYY-MM). */
export function monthText(month: string): string {
  const name = MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${month.slice(0, 4)}`;
}

/** «2 декабря 2026», «Сентябрь 2026» or «дата не указана»: a meeting's date as precisely as it is known. */
export function meetingDateText(date: MeetingDate): string {
  if (date.precision === 'day') return formatDate(date.date);
  if (date.precision === 'month') return monthText(date.month);
  return 'дата не указана';
}

/** The first day a meeting's date may mean (for sorting and for the «held on» field), or undefined. */
export function meetingDay(date: MeetingDate): string | undefined {
  if (date.precision === 'day') return date.date;
  if (date.precision === 'month') return `${date.month}-01`;
  return undefined;
}

/** Newest meetings first; undated ones last, in the order they were registered. */
export function byDateDescending<T extends { date: MeetingDate }>(meetings: readonly T[]): T[] {
  return [...meetings].sort((a, b) =>
    (meetingDay(b.date) ?? '0000').localeCompare(meetingDay(a.date) ?? '0000'),
  );
}

/** What the agenda item is about, as a short label beside its title. */
export function subjectLabel(item: AgendaItem): string | undefined {
  if (item.subject?.kind === 'decision') return 'Решение прежнего заседания';
  if (item.subject?.kind === 'procedure') return 'Результаты процедуры';
  return undefined;
}

/** The ids in their new order, when they differ from the saved order; undefined when nothing moved. */
export function changedOrder(saved: readonly AgendaItem[], current: readonly string[]): string[] | undefined {
  const before = saved.map((i) => i.itemId);
  return before.length === current.length && before.every((id, n) => id === current[n])
    ? undefined
    : [...current];
}

/** A new id for a meeting, an item or a decision: readable, unique enough within a school. */
export function newId(prefix: string, random: () => number = Math.random): string {
  const part = () =>
    Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0');
  return `${prefix}-${part()}${part()}`;
}

const dayGenitive = (day: string) =>
  `${Number(day.slice(8, 10))} ${MONTHS_GENITIVE[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

/**
 * What the server took a deadline as written to mean, in words: «до 31 октября 2026», «с октября по декабрь
 * 2026, до 31 декабря 2026», «в течение 2026/27 учебного года, до 31 мая 2027; отчёты: 25 декабря 2026, …»,
 * «постоянно, с 2 декабря 2026, отчёт ежемесячно», «без срока».
 */
export function describeDeadline(deadline: Deadline | undefined): string {
  const d = deadline?.parsed;
  if (!d) return 'без срока';
  switch (d.kind) {
    case 'date':
      return `до ${dayGenitive(d.due)}`;
    case 'months': {
      const from = MONTHS_GENITIVE[Number(d.from.slice(5, 7)) - 1];
      const to = MONTHS[Number(d.to.slice(5, 7)) - 1];
      const span =
        d.from === d.to
          ? `в течение ${monthText(d.from).toLowerCase()}`
          : `с ${from} по ${to} ${d.to.slice(0, 4)}`;
      return `${span}, до ${dayGenitive(d.due)}`;
    }
    case 'year':
      return (
        `в течение ${d.academicYear} учебного года, до ${dayGenitive(d.due)}` +
        (d.checkIns.length ? `; отчёты о ходе: ${d.checkIns.map(dayGenitive).join(', ')}` : '')
      );
    case 'standing':
      return `постоянно, с ${dayGenitive(d.from.length === 7 ? `${d.from}-01` : d.from)}, отчёт ${d.every === 'week' ? 'еженедельно' : 'ежемесячно'}`;
    case 'none':
      return 'без срока';
  }
}

/** The check-in days of a «в течение года» decision not yet reported, with the ones already reported. */
export function pendingCheckIns(decision: DecisionRecord): string[] {
  const d = decision.deadline.parsed;
  if (d.kind !== 'year') return [];
  const done = new Set(decision.checkIns.filter((c) => c.outcome === 'recorded').map((c) => c.dueOn));
  return d.checkIns.filter((day) => !done.has(day));
}

/** One decision being written down at a meeting: the form's fields. */
export interface DecisionDraft {
  wording: string;
  lead: string;
  deadline?: string;
  evidenceRequired?: boolean;
}

/** Decisions numbered through the protocol, in the agenda's order: what the hold form sends. */
export function numberDecisions(
  agenda: readonly AgendaItem[],
  drafts: Record<string, DecisionDraft[] | undefined>,
  id: () => string,
): Array<{ itemId: string; decisionId: string; number: number; draft: DecisionDraft }> {
  let number = 0;
  return agenda.flatMap((item) =>
    (drafts[item.itemId] ?? [])
      .filter((d) => d?.wording?.trim())
      .map((draft) => ({ itemId: item.itemId, decisionId: id(), number: ++number, draft })),
  );
}
