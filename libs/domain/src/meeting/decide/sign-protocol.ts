import type { CommandContext } from '../../shared';
import { requirePastFact, requireNotBefore } from '../../procedure/rules';
import type { SignProtocol } from '../commands';
import type { MeetingEvent } from '../events';
import { meetingStep } from '../rules';
import type { MeetingState } from '../state';
import { earliestDayOf } from '../values';
import { schoolToday } from '../../procedure/rules';

export function signProtocol(
  command: SignProtocol,
  state: MeetingState,
  ctx: CommandContext,
): MeetingEvent[] {
  const { meetingId } = command.data;
  const held = meetingStep(state, meetingId, ctx, ['held'], 'Подписать протокол');
  const signedOn = requirePastFact(command.data.signedOn, 'Дата подписания', schoolToday(ctx, held.timeZone));
  const earliest = earliestDayOf(held.record.date);
  if (earliest !== null) {
    requireNotBefore(signedOn, earliest, 'DATE_BEFORE_MEETING', 'Протокол не подписывают раньше заседания');
  }
  return [{ type: 'ProtocolSigned', data: { meetingId, signedOn } }];
}
