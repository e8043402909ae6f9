import type { CommandContext } from '../../shared';
import type { CancelMeeting } from '../commands';
import type { MeetingEvent } from '../events';
import { meetingStep, requireReason } from '../rules';
import type { MeetingState } from '../state';

/** Only a meeting that has not taken place can be cancelled; it never takes a protocol number. */
export function cancelMeeting(
  command: CancelMeeting,
  state: MeetingState,
  ctx: CommandContext,
): MeetingEvent[] {
  const { meetingId } = command.data;
  meetingStep(state, meetingId, ctx, ['planned'], 'Отменить заседание');
  const reason = requireReason(command.data.reason, 'Отменить заседание');
  return [{ type: 'MeetingCancelled', data: { meetingId, reason } }];
}
