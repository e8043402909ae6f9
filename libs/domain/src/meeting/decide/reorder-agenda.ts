import type { CommandContext } from '../../shared';
import type { ReorderAgenda } from '../commands';
import type { MeetingEvent } from '../events';
import { fail, meetingStep, requireReason } from '../rules';
import type { MeetingState } from '../state';

/** The new order names every item exactly once: nothing is dropped or added by a reorder. */
export function reorderAgenda(
  command: ReorderAgenda,
  state: MeetingState,
  ctx: CommandContext,
): MeetingEvent[] {
  const { meetingId } = command.data;
  const planned = meetingStep(state, meetingId, ctx, ['planned'], 'Изменить порядок повестки');
  const order = Array.isArray(command.data.order) ? command.data.order : [];
  const current = planned.agenda.map((i) => i.itemId);
  const same =
    order.length === current.length &&
    new Set(order).size === order.length &&
    order.every((id) => current.includes(id));
  if (!same) {
    fail('AGENDA_ORDER_INVALID', 'Новый порядок должен перечислить каждый вопрос повестки ровно один раз', {
      current,
    });
  }
  const reason = requireReason(command.data.reason, 'Изменить порядок повестки');
  if (order.every((id, i) => id === current[i])) return [];
  return [{ type: 'AgendaReordered', data: { meetingId, order: [...order], reason } }];
}
