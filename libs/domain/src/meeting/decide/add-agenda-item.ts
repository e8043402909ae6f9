import type { CommandContext } from '../../shared';
import type { AddAgendaItem } from '../commands';
import type { MeetingEvent } from '../events';
import { fail, meetingStep, requireAgendaItem, requireReason } from '../rules';
import type { MeetingState } from '../state';

/** Until the meeting is held its agenda may grow, with a reason; the item goes where it is asked to. */
export function addAgendaItem(
  command: AddAgendaItem,
  state: MeetingState,
  ctx: CommandContext,
): MeetingEvent[] {
  const { meetingId } = command.data;
  const planned = meetingStep(state, meetingId, ctx, ['planned'], 'Дополнить повестку');
  const item = requireAgendaItem(command.data.item, 'повестки');
  if (planned.agenda.some((i) => i.itemId === item.itemId)) {
    fail('AGENDA_ITEM_DUPLICATE', `Вопрос ${item.itemId} уже есть в повестке`, { itemId: item.itemId });
  }
  const position = command.data.position ?? planned.agenda.length;
  if (!Number.isInteger(position) || position < 0 || position > planned.agenda.length) {
    fail('AGENDA_POSITION_INVALID', `Место в повестке — от 1 до ${planned.agenda.length + 1}`);
  }
  const reason = requireReason(command.data.reason, 'Дополнить повестку');
  return [{ type: 'AgendaItemAdded', data: { meetingId, item, position, reason } }];
}
