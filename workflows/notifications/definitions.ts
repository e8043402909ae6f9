import type { ProcedureEvent, Responsible } from '../../libs/domain/src';

export const NOTIFICATIONS_TASK_QUEUE = 'notifications';

/** Events that someone must hear about, by email. */
export const NOTIFIABLE_EVENTS = [
  'StageOverdue',
  'DecisionReminderDue',
  'DecisionOverdue',
  'EscalatedToDirector',
] as const;
export type NotifiableEvent = Extract<ProcedureEvent, { type: (typeof NOTIFIABLE_EVENTS)[number] }>;

export function isNotifiable(event: ProcedureEvent): event is NotifiableEvent {
  return (NOTIFIABLE_EVENTS as readonly string[]).includes(event.type);
}

export interface NotificationRequest {
  notificationId: string;
  schoolId: string;
  procedure: { procedureId: string; title: string; timeZone: string };
  event: NotifiableEvent;
}

export interface NotificationDelivery {
  recipient: string;
  attempt: number;
}

/** Who receives what: the responsible person, and for an escalation the school's director. */
export function addresseeOf(event: NotifiableEvent): { responsible?: Responsible; role?: string } {
  return event.type === 'EscalatedToDirector'
    ? { role: 'director' }
    : { responsible: event.data.responsible };
}

/** Who a notification was meant for, in words, for the record when it could not be sent. */
export function describeAddressee(event: NotifiableEvent): string {
  const { responsible, role } = addresseeOf(event);
  return responsible?.personId ?? responsible?.role ?? responsible?.name ?? role ?? 'неизвестный получатель';
}
