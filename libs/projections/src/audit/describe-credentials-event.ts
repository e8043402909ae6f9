import { DEFAULT_TIME_ZONE, maskAddress, type CredentialsEvent } from '@vsoko/domain';

/**
 * One Russian sentence per credentials event: who was invited, who set or changed a password, who asked for a
 * reset or had one imposed, and where the link went (the address partly hidden). Never a token or its digest.
 */
export function describeCredentialsEvent(event: { type: string; data: unknown }): string | undefined {
  const e = event as CredentialsEvent;
  switch (e.type) {
    case 'InvitationIssued':
      return `${e.data.personId}: отправлено приглашение для первого входа на ${maskAddress(e.data.sentTo)}, ссылка действует до ${ruDateTime(e.data.expiresAt)}`;
    case 'InvitationAccepted':
      return `${e.data.personId}: приглашение принято, пароль задан`;
    case 'PasswordChanged':
      return e.data.byInstallation
        ? `${e.data.personId}: пароль задан при установке системы`
        : `${e.data.personId}: пароль изменён владельцем учётной записи`;
    case 'PasswordResetRequested':
      return `${e.data.personId}: запрошен сброс пароля, ссылка отправлена на ${maskAddress(e.data.sentTo)} и действует до ${ruDateTime(e.data.expiresAt)}`;
    case 'PasswordResetForced':
      return `${e.data.personId}: администрация сбросила пароль (${e.data.reason}); ссылка отправлена на ${maskAddress(e.data.sentTo)} и действует до ${ruDateTime(e.data.expiresAt)}`;
    case 'PasswordReset':
      return `${e.data.personId}: новый пароль задан по ссылке сброса`;
    default:
      return undefined;
  }
}

/**
 * What the audit keeps of a credentials event: who and what, with the address partly hidden and without the
 * link's digest (useless to anyone without the token, but a secret's trace all the same).
 */
export function auditedCredentialsData(event: { type: string; data: unknown }): unknown {
  const e = event as CredentialsEvent;
  const { tokenDigest: _digest, ...rest } = e.data as { tokenDigest?: string } & Record<string, unknown>;
  return typeof rest.sentTo === 'string' ? { ...rest, sentTo: maskAddress(rest.sentTo) } : rest;
}

/** «09.12.2026, 15:00 (Europe/Moscow)»: the instant a link stops working, in the schools' default zone. */
function ruDateTime(instant: string): string {
  const text = new Intl.DateTimeFormat('ru-RU', {
    timeZone: DEFAULT_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
  return `${text} (${DEFAULT_TIME_ZONE})`;
}
