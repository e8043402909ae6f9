import type { CommandContext } from '../../shared';
import type { RecordNotificationFailed, RecordNotificationSent } from '../commands';
import type { ProcedureEvent } from '../events';
import { existing, fail, requireSchool, requireSystem, requireText } from '../rules';
import type { ProcedureState } from '../state';
import { NOTIFICATION_CHANNELS } from '../values';

/**
 * Delivery outcomes, once per notification and attempt. They are facts about the past, so they are recorded
 * even when the procedure has meanwhile been closed or cancelled.
 */
export function recordNotification(
  command: RecordNotificationSent | RecordNotificationFailed,
  state: ProcedureState,
  ctx: CommandContext,
): ProcedureEvent[] {
  requireSystem(ctx);
  const { procedureId, notificationId, attempt, channel } = command.data;
  const current = existing(state, procedureId);
  requireSchool(ctx, current.schoolId);
  requireText(notificationId, 'NOTIFICATION_INVALID', 'У уведомления нет идентификатора');
  requireText(command.data.recipient, 'NOTIFICATION_INVALID', 'У уведомления нет получателя');
  if (!Number.isInteger(attempt) || attempt < 1) {
    fail('NOTIFICATION_INVALID', `Номер попытки должен быть целым числом от 1, получено ${String(attempt)}`);
  }
  if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(channel)) {
    fail('NOTIFICATION_INVALID', `Неизвестный канал уведомлений «${String(channel)}»`);
  }
  if (current.notificationOutcomes.includes(`${notificationId}#${attempt}`)) return [];
  return command.type === 'RecordNotificationSent'
    ? [{ type: 'NotificationSent', data: command.data }]
    : [{ type: 'NotificationFailed', data: command.data }];
}
