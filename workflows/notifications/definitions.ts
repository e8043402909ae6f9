import type { DecisionStreamEvent, ProcedureEvent, Responsible } from '../../libs/domain/src';

export const NOTIFICATIONS_TASK_QUEUE = 'notifications';

/** Events that someone must hear about, by email. */
export const NOTIFIABLE_EVENTS = [
  'StageOverdue',
  'DecisionReminderDue',
  'DecisionOverdue',
  'EscalatedToDirector',
  'WindowApproaching',
] as const;
export type NotifiableEvent = Extract<ProcedureEvent, { type: (typeof NOTIFIABLE_EVENTS)[number] }>;

export function isNotifiable(event: ProcedureEvent): event is NotifiableEvent {
  return (NOTIFIABLE_EVENTS as readonly string[]).includes(event.type);
}

/** Facts on a management decision's own stream that someone must hear about. */
export const DECISION_NOTIFIABLE_EVENTS = [
  'DecisionDeadlineApproaching',
  'DecisionDeadlineMissed',
  'DecisionEscalated',
  'CheckInMissed',
] as const;
export type DecisionNotifiableEvent = Extract<
  DecisionStreamEvent,
  { type: (typeof DECISION_NOTIFIABLE_EVENTS)[number] }
>;

export function isDecisionNotifiable(event: DecisionStreamEvent): event is DecisionNotifiableEvent {
  return (DECISION_NOTIFIABLE_EVENTS as readonly string[]).includes(event.type);
}

/** A mail about a procedure's fact (`procedure`) or a decision's (`decision`). */
export interface NotificationRequest {
  notificationId: string;
  schoolId: string;
  procedure?: { procedureId: string; title: string; timeZone: string };
  decision?: { decisionId: string; timeZone: string };
  event: NotifiableEvent | DecisionNotifiableEvent;
}

export interface NotificationDelivery {
  recipient: string;
  attempt: number;
}

/**
 * Who receives what: the responsible person; for an escalation the step's addressee — a deputy, the director
 * or the district's inspector, found by role in the staff directory — and the director for escalations made
 * before chains.
 */
export function addresseeOf(event: NotifiableEvent | DecisionNotifiableEvent): {
  responsible?: Responsible;
  role?: string;
} {
  if (event.type === 'EscalatedToDirector') {
    const to = event.data.to ?? 'director';
    return to === 'responsible' ? { responsible: event.data.responsible } : { role: to };
  }
  if (event.type === 'DecisionEscalated') {
    const to = event.data.to ?? 'director';
    return to === 'responsible' ? { responsible: event.data.responsible } : { role: to };
  }
  return { responsible: event.data.responsible };
}

/** Who a notification was meant for, in words, for the record when it could not be sent. */
export function describeAddressee(event: NotifiableEvent | DecisionNotifiableEvent): string {
  const { responsible, role } = addresseeOf(event);
  return responsible?.personId ?? responsible?.role ?? responsible?.name ?? role ?? 'неизвестный получатель';
}
