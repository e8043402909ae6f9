import type { MeetingRecord } from '../../../libs/domain/src/meeting/values';
import type { Responsible } from '../../../libs/domain/src/procedure/values';
import { describeDeadline, type DecisionRecord, type Meeting } from './meetings-model';

type Held = Extract<Meeting, { status: 'held' | 'signed' }>;
type DecisionField = 'wording' | 'deadline' | 'executors';

/** One correction as `GET /meetings/:id` returns it from the meeting's stream (newest last). */
export interface CorrectionLogEntry {
  at: string;
  by: { id: string; name?: string };
  reason: string;
  correctedOn?: string;
  correction: Partial<MeetingRecord>;
  previous: Partial<MeetingRecord>;
  decisions: Array<{ decisionId: string; fields: DecisionField[] }>;
}

export type WithCorrections = Held & { correctionLog?: CorrectionLogEntry[] };

/** The form «Исправить протокол» shows: the record and each decision as they stand, and the reason. */
export interface CorrectionValues {
  chair: string;
  secretary: string;
  /** One person (or group) a line, as the protocol lists them. */
  participants: string;
  heard: Record<string, string>;
  decisions: Record<string, { wording: string; deadline: string; responsible: string }>;
  reason: string;
}

export function correctionValuesOf(meeting: Held, decisions: readonly DecisionRecord[]): CorrectionValues {
  const { record } = meeting;
  return {
    chair: (record.chair ?? meeting.chair)?.name ?? '',
    secretary: (record.secretary ?? meeting.secretary)?.name ?? '',
    participants: record.participants.map((p) => p.name).join('\n'),
    heard: Object.fromEntries(record.minutes.map((m) => [m.itemId, m.heard])),
    decisions: Object.fromEntries(
      decisions.map((d) => [
        d.decisionId,
        { wording: d.wording, deadline: d.deadline.asWritten ?? '', responsible: d.executors.lead.name },
      ]),
    ),
    reason: '',
  };
}

export interface CorrectionBody {
  correction?: {
    chair?: Responsible;
    secretary?: Responsible;
    participants?: Responsible[];
    minutes?: Array<{ itemId: string; heard: string }>;
  };
  decisions?: Array<{
    decisionId: string;
    wording?: string;
    deadline?: { asWritten: string };
    executors?: { lead: Responsible; coExecutors: Responsible[] };
  }>;
  reason: string;
}

const text = (value: string | undefined) => (value ?? '').trim();

/**
 * What the form changed, and only that: the server records a correction of exactly these fields. A person whose
 * name is kept keeps their id; a renamed one is named anew. Null when nothing was changed.
 */
export function correctionBody(
  meeting: Held,
  decisions: readonly DecisionRecord[],
  values: CorrectionValues,
): CorrectionBody | null {
  const before = correctionValuesOf(meeting, decisions);
  const correction: NonNullable<CorrectionBody['correction']> = {};
  if (text(values.chair) !== text(before.chair) && text(values.chair)) {
    correction.chair = { name: text(values.chair) };
  }
  if (text(values.secretary) !== text(before.secretary) && text(values.secretary)) {
    correction.secretary = { name: text(values.secretary) };
  }
  const lines = (values.participants ?? '').split('\n').map(text).filter(Boolean);
  if (lines.join('\n') !== before.participants) {
    const known = new Map(meeting.record.participants.map((p) => [p.name, p]));
    correction.participants = lines.map((name) => known.get(name) ?? { name });
  }
  const heard = meeting.record.minutes.map((m) => ({
    itemId: m.itemId,
    heard: text(values.heard?.[m.itemId]),
  }));
  if (heard.some((m, i) => m.heard !== meeting.record.minutes[i].heard)) correction.minutes = heard;

  const changed: NonNullable<CorrectionBody['decisions']> = [];
  for (const d of decisions) {
    const now = values.decisions?.[d.decisionId];
    const was = before.decisions[d.decisionId];
    if (!now) continue;
    const item: NonNullable<CorrectionBody['decisions']>[number] = { decisionId: d.decisionId };
    if (text(now.wording) !== text(was.wording)) item.wording = text(now.wording);
    if (text(now.deadline) !== text(was.deadline)) item.deadline = { asWritten: text(now.deadline) };
    if (text(now.responsible) !== text(was.responsible) && text(now.responsible)) {
      item.executors = { lead: { name: text(now.responsible) }, coExecutors: [...d.executors.coExecutors] };
    }
    if (Object.keys(item).length > 1) changed.push(item);
  }
  if (Object.keys(correction).length === 0 && changed.length === 0) return null;
  return {
    ...(Object.keys(correction).length ? { correction } : {}),
    ...(changed.length ? { decisions: changed } : {}),
    reason: text(values.reason),
  };
}

const FIELD_NAMES: Record<DecisionField, string> = {
  wording: 'формулировка',
  deadline: 'срок',
  executors: 'ответственный',
};

const names = (people: readonly Responsible[] | undefined) => (people ?? []).map((p) => p.name).join(', ');

/** What one correction changed, a line each, as a reader of the history wants it: what it was, what it is. */
export function describeCorrection(
  entry: CorrectionLogEntry,
  meeting: Pick<Held, 'agenda'>,
  numbers: ReadonlyMap<string, number>,
): string[] {
  const { correction: now, previous: was } = entry;
  const lines: string[] = [];
  if (now.date) lines.push('Дата заседания исправлена');
  if (now.chair) lines.push(`Председатель: «${was.chair?.name ?? '—'}» → «${now.chair.name}»`);
  if (now.secretary) lines.push(`Секретарь: «${was.secretary?.name ?? '—'}» → «${now.secretary.name}»`);
  if (now.participants) {
    lines.push(
      `Присутствовали (${was.participants?.length ?? 0} → ${now.participants.length}): ${names(now.participants)}`,
    );
  }
  if (now.minutes) {
    const titles = new Map(meeting.agenda.map((i, n) => [i.itemId, `вопрос ${n + 1}`]));
    const before = new Map((was.minutes ?? []).map((m) => [m.itemId, m.heard]));
    for (const m of now.minutes) {
      if (before.get(m.itemId) === m.heard) continue;
      lines.push(
        `Слушали (${titles.get(m.itemId) ?? m.itemId}): «${before.get(m.itemId) ?? ''}» → «${m.heard}»`,
      );
    }
  }
  for (const d of entry.decisions) {
    const number = numbers.get(d.decisionId);
    lines.push(
      `Решение ${number ?? d.decisionId}: ${d.fields.map((f) => FIELD_NAMES[f]).join(', ')} (см. историю решения)`,
    );
  }
  return lines;
}

/** A decision's deadline for the form's hint: how the server reads the one in force. */
export function deadlineHint(decision: DecisionRecord): string {
  return `сейчас понимается как: ${describeDeadline(decision.deadline)}`;
}
