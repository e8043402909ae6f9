import type { CommandContext } from '../../shared';
import type { RemoveAgendaItem } from '../commands';
import type { MeetingEvent } from '../events';
import { fail, meetingStep, requireReason } from '../rules';
import type { MeetingState } from '../state';

export function removeAgendaItem(
  command: RemoveAgendaItem,
  state: MeetingState,
  ctx: CommandContext,
): MeetingEvent[] {
  const { meetingId, itemId } = command.data;
  const planned = meetingStep(state, meetingId, ctx, ['planned'], 'Исключить вопрос из повестки');
  if (!planned.agenda.some((i) => i.itemId === itemId)) {
    fail('AGENDA_ITEM_UNKNOWN', `Вопроса ${itemId} в повестке нет`, { itemId });
  }
  const reason = requireReason(command.data.reason, 'Исключить вопрос из повестки');
  return [{ type: 'AgendaItemRemoved', data: { meetingId, itemId, reason } }];
}
