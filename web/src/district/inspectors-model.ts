import { DEFAULT_TIME_ZONE, formatDate, formatDateTime } from '../format/dates';
import type { TagColour } from '../format/StatusTag';

/** Where an inspector's first sign-in stands (GET /districts/{districtId}/inspectors). */
export type InvitationStatus =
  | { state: 'not-invited' }
  | { state: 'sent' | 'expired'; sentTo: string; sentAt: string; expiresAt: string }
  | { state: 'accepted'; at: string };

export interface Inspector {
  personId: string;
  fullName: string;
  email?: string;
  active: boolean;
  invitation: InvitationStatus;
}

export interface DistrictInspectors {
  districtId: string;
  name: string | null;
  inspectors: Inspector[];
}

/** The invitation said as the district's administrator reads it, with Russian dates in the district's zone. */
export function invitationText(status: InvitationStatus, timeZone = DEFAULT_TIME_ZONE): string {
  switch (status.state) {
    case 'not-invited':
      return 'Приглашение не отправлялось';
    case 'sent':
      return `Отправлено ${formatDateTime(status.sentAt, timeZone)} на ${status.sentTo}; ссылка действует до ${formatDateTime(status.expiresAt, timeZone)}`;
    case 'expired':
      return `Отправлено ${formatDate(status.sentAt, timeZone)}, ссылка истекла ${formatDateTime(status.expiresAt, timeZone)} — отправьте приглашение снова`;
    case 'accepted':
      return `Пароль задан ${formatDateTime(status.at, timeZone)}`;
  }
}

/** The tag beside it: a word and a colour. */
export function invitationTag(status: InvitationStatus): { label: string; colour: TagColour } {
  switch (status.state) {
    case 'not-invited':
      return { label: 'не приглашён', colour: 'grey' };
    case 'sent':
      return { label: 'приглашение отправлено', colour: 'blue' };
    case 'expired':
      return { label: 'приглашение истекло', colour: 'red' };
    case 'accepted':
      return { label: 'вход выполнен', colour: 'green' };
  }
}

/** Whether «Пригласить снова» makes sense: once she has her own password, a reset is the way, not an invitation. */
export function mayInvite(inspector: Inspector): boolean {
  return inspector.active && !!inspector.email && inspector.invitation.state !== 'accepted';
}

/**
 * A login suggested from the address: its local part in lower case, with what a login may not hold dropped
 * («Orlova.MS@district.ru» → «orlova.ms»). Empty when nothing usable is left.
 */
export function loginFrom(email: string): string {
  const local = email.trim().split('@')[0].toLowerCase();
  const kept = local.replace(/[^a-z0-9._-]/g, '').replace(/^[._-]+/, '');
  return kept.slice(0, 64);
}
