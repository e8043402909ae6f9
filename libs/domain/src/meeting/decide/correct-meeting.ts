import { sameValue, type CommandContext } from '../../shared';
import { requireText, schoolToday } from '../../procedure/rules';
import type { CorrectedMinutesItem, CorrectMeeting } from '../commands';
import type { MeetingEvent } from '../events';
import { fail, meetingStep, requireReason } from '../rules';
import type { HeldMeeting, MeetingState, SignedMeeting } from '../state';
import {
  MEETING_RECORD_FIELDS,
  type DecisionCorrectionField,
  type DecisionCorrectionNote,
  type MeetingRecord,
  type MinutesItem,
} from '../values';
import { requireRecord } from './hold-meeting';

const FIELDS = MEETING_RECORD_FIELDS;
const DECISION_FIELDS: readonly DecisionCorrectionField[] = ['wording', 'deadline', 'executors'];
const ACTION = 'Исправить запись о заседании';

/**
 * A held meeting's record is never edited: a correction names the fields it changes, keeps what they said
 * before, and gives a reason; it may also name the protocol's decisions put right on their own streams under the
 * same correction (ADR 0017). A correction that changes nothing records nothing.
 */
export function correctMeeting(
  command: CorrectMeeting,
  state: MeetingState,
  ctx: CommandContext,
): MeetingEvent[] {
  const { meetingId } = command.data;
  const held = meetingStep(state, meetingId, ctx, ['held', 'signed'], ACTION);
  const raw = command.data.correction ?? {};
  const asked = FIELDS.filter((f) => raw[f] !== undefined);
  const decisions = requireDecisionNotes(command.data.decisions, held);
  if (asked.length === 0 && decisions.length === 0) {
    fail(
      'CORRECTION_EMPTY',
      'Укажите, что исправить: дату, председателя, секретаря, участников, протокол или решения',
    );
  }
  const reason = requireReason(command.data.reason, ACTION);
  const { minutes: rawMinutes, ...rest } = raw;
  const minutes =
    rawMinutes === undefined ? held.record.minutes : mergeMinutes(rawMinutes, held.record.minutes);
  const merged = requireRecord({ ...held.record, ...rest, minutes }, held);
  requireSameDecisions(merged.minutes, held.record.minutes);
  const correction: Partial<MeetingRecord> = {};
  const previous: Partial<MeetingRecord> = {};
  for (const f of asked) {
    if (sameValue(merged[f], held.record[f])) continue;
    Object.assign(correction, { [f]: merged[f] });
    Object.assign(previous, { [f]: held.record[f] });
  }
  if (Object.keys(correction).length === 0 && decisions.length === 0) return [];
  return [
    {
      type: 'MeetingCorrected',
      data: {
        meetingId,
        correction,
        previous,
        reason,
        correctedOn: schoolToday(ctx, held.timeZone),
        ...(decisions.length > 0 ? { decisions } : {}),
      },
    },
  ];
}

/**
 * Items are put right one by one: an item not sent stays as it was, and one sent without its decisions keeps the
 * ones it had (a typo in «слушали» leaves РЕШИЛИ alone). An agenda item the record had no minutes for is added.
 */
function mergeMinutes(items: CorrectedMinutesItem[], before: readonly MinutesItem[]): MinutesItem[] {
  if (!Array.isArray(items)) fail('MINUTES_INVALID', 'Протокол — список вопросов повестки');
  const sent = new Map(items.map((m) => [m?.itemId, m]));
  const merged = before.map((m) => {
    const now = sent.get(m.itemId);
    return now ? { itemId: m.itemId, heard: now.heard, decisionIds: now.decisionIds ?? m.decisionIds } : m;
  });
  const known = new Set(before.map((m) => m.itemId));
  const added = items
    .filter((m) => !known.has(m?.itemId))
    .map((m) => ({ itemId: m?.itemId, heard: m?.heard, decisionIds: m?.decisionIds ?? [] }));
  return [...merged, ...added];
}

/**
 * A decision is its own record: the correction may move it to another item of the agenda, but not add or drop
 * one (a decision is adopted or withdrawn with a reason on its own).
 */
function requireSameDecisions(after: readonly MinutesItem[], before: readonly MinutesItem[]): void {
  const ids = (m: readonly MinutesItem[]) => m.flatMap((i) => i.decisionIds).sort();
  if (!sameValue(ids(after), ids(before))) {
    fail(
      'CORRECTION_CHANGES_DECISIONS',
      'Исправление протокола не добавляет и не убирает решения: новое решение принимается, ненужное отменяется с причиной',
    );
  }
}

/** Each decision named once, one of the protocol's, with at least one field the protocol gives for it. */
function requireDecisionNotes(
  value: DecisionCorrectionNote[] | undefined,
  held: HeldMeeting | SignedMeeting,
): DecisionCorrectionNote[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('CORRECTION_DECISIONS_INVALID', 'Исправленные решения — список');
  const own = new Set(held.record.minutes.flatMap((m) => m.decisionIds));
  const seen = new Set<string>();
  return value.map((note) => {
    const decisionId = requireText(
      note?.decisionId,
      'CORRECTION_DECISIONS_INVALID',
      'Исправленное решение: не указан идентификатор',
    );
    if (!own.has(decisionId)) {
      fail('DECISION_NOT_IN_PROTOCOL', `Решение ${decisionId} не записано в протоколе этого заседания`, {
        decisionId,
      });
    }
    if (seen.has(decisionId)) {
      fail('CORRECTION_DECISIONS_INVALID', `Решение ${decisionId} названо в исправлении дважды`);
    }
    seen.add(decisionId);
    const fields = DECISION_FIELDS.filter((f) => Array.isArray(note.fields) && note.fields.includes(f));
    if (fields.length === 0) {
      fail(
        'CORRECTION_DECISIONS_INVALID',
        `Решение ${decisionId}: укажите, что исправлено — формулировка, срок или ответственный`,
      );
    }
    return { decisionId, fields };
  });
}
