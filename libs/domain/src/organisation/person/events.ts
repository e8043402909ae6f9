import type { DomainEvent } from '../../shared';
import type { Holding } from '../positions';

/** An account opened: the person id is the login, the actor id in every event the person causes. */
export type PersonRegistered = DomainEvent<
  'PersonRegistered',
  { personId: string; fullName: string; email?: string }
>;

export type PositionAssigned = DomainEvent<'PositionAssigned', { personId: string } & Holding>;

export type PositionRemoved = DomainEvent<
  'PositionRemoved',
  { personId: string; assignmentId: string; reason?: string }
>;

/** The account stops working (sessions and API keys revoked); its history and positions stay on record. */
export type AccountDeactivated = DomainEvent<'AccountDeactivated', { personId: string; reason: string }>;

export type AccountReactivated = DomainEvent<'AccountReactivated', { personId: string }>;

export type PersonEvent =
  PersonRegistered | PositionAssigned | PositionRemoved | AccountDeactivated | AccountReactivated;

export const PERSON_EVENT_TYPES: readonly PersonEvent['type'][] = [
  'PersonRegistered',
  'PositionAssigned',
  'PositionRemoved',
  'AccountDeactivated',
  'AccountReactivated',
];
