import { sameValue, type CommandContext } from '../../shared';
import type { CorrectMeeting } from '../commands';
import type { MeetingEvent } from '../events';
import { fail, meetingStep, requireReason } from '../rules';
import type { MeetingState } from '../state';
import type { MeetingRecord } from '../values';
import { requireRecord } from './hold-meeting';

const FIELDS = ['date', 'chair', 'secretary', 'participants', 'minutes'] as const;

/**
 * A held meeting's record is never edited: a correction names the fields it changes, keeps what they said
 * before, and gives a reason. A correction that changes nothing records nothing.
 */
export function correctMeeting(
  command: CorrectMeeting,
  state: MeetingState,
  ctx: CommandContext,
): MeetingEvent[] {
  const { meetingId } = command.data;
  const held = meetingStep(state, meetingId, ctx, ['held', 'signed'], 'Исправить запись о заседании');
  const raw = command.data.correction ?? {};
  const asked = FIELDS.filter((f) => raw[f] !== undefined);
  if (asked.length === 0) {
    fail(
      'CORRECTION_EMPTY',
      'Укажите, что исправить: дату, председателя, секретаря, участников или протокол',
    );
  }
  const reason = requireReason(command.data.reason, 'Исправить запись о заседании');
  const merged = requireRecord({ ...held.record, ...raw }, held);
  const correction: Partial<MeetingRecord> = {};
  const previous: Partial<MeetingRecord> = {};
  for (const f of asked) {
    if (sameValue(merged[f], held.record[f])) continue;
    Object.assign(correction, { [f]: merged[f] });
    Object.assign(previous, { [f]: held.record[f] });
  }
  if (Object.keys(correction).length === 0) return [];
  return [{ type: 'MeetingCorrected', data: { meetingId, correction, previous, reason } }];
}
