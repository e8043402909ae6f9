import { assertNever, failureOf, type CommandContext, type Fail } from '../shared';
import type { CredentialsCommand } from './commands';
import type { CredentialLinkKind, CredentialsEvent } from './events';
import type { CredentialsState } from './state';

export const credentialsFail: Fail = failureOf({
  ACTOR_NOT_ALLOWED: 'forbidden',
  LINK_INVALID: 'not-found',
  LINK_USED: 'conflict',
  ALREADY_SIGNED_UP: 'conflict',
  TOKEN_DIGEST_INVALID: 'validation',
  EXPIRY_INVALID: 'validation',
  EMAIL_REQUIRED: 'validation',
  REASON_REQUIRED: 'validation',
});
const fail = credentialsFail;

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * Links work once, only the newest one works, and only until it expires; a person with a password gets no
 * invitation (a forced reset instead); a password is changed by the person alone. Whether the caller may invite
 * or impose a reset on this person (their position at the person's school) is the use case's question.
 */
export function decideCredentials(
  command: CredentialsCommand,
  state: CredentialsState,
  ctx: CommandContext,
): CredentialsEvent[] {
  const { personId } = command.data;
  if (state.personId !== null && state.personId !== personId) {
    fail('LINK_INVALID', 'Ссылка относится к другой учётной записи');
  }
  switch (command.type) {
    case 'IssueInvitation': {
      requirePerson(ctx);
      if (state.hasPassword) {
        fail('ALREADY_SIGNED_UP', 'Сотрудник уже задал пароль: если он его забыл, назначьте сброс пароля', {
          personId,
        });
      }
      requireLinkData(command.data, ctx);
      return [{ type: 'InvitationIssued', data: { ...command.data } }];
    }
    case 'RequestPasswordReset':
      requireLinkData(command.data, ctx);
      return [{ type: 'PasswordResetRequested', data: { ...command.data } }];
    case 'ForcePasswordReset': {
      requirePerson(ctx);
      requireLinkData(command.data, ctx);
      const reason = command.data.reason.trim();
      if (reason === '') fail('REASON_REQUIRED', 'Укажите причину сброса пароля');
      return [{ type: 'PasswordResetForced', data: { ...command.data, reason } }];
    }
    case 'AcceptInvitation':
      requireLink(state, 'invitation', command.data.tokenDigest, ctx);
      return [{ type: 'InvitationAccepted', data: { personId, tokenDigest: command.data.tokenDigest } }];
    case 'CompletePasswordReset':
      requireLink(state, 'reset', command.data.tokenDigest, ctx);
      return [{ type: 'PasswordReset', data: { personId, tokenDigest: command.data.tokenDigest } }];
    case 'ChangePassword': {
      // The installation (a system actor: `seed demo`) sets a password on the record like the person would.
      const byInstallation = ctx.actor.kind === 'system';
      if (!byInstallation && (ctx.actor.kind !== 'user' || ctx.actor.id !== personId)) {
        fail('ACTOR_NOT_ALLOWED', 'Пароль меняет только сам сотрудник; администрация может назначить сброс');
      }
      if (state.resetForced) {
        fail('PASSWORD_RESET_REQUIRED', 'Пароль сброшен администрацией: задайте новый по ссылке из письма');
      }
      return [
        { type: 'PasswordChanged', data: byInstallation ? { personId, byInstallation } : { personId } },
      ];
    }
    default:
      return assertNever(command);
  }
}

function requirePerson(ctx: CommandContext): void {
  if (ctx.actor.kind !== 'user') {
    fail('ACTOR_NOT_ALLOWED', 'Приглашать и сбрасывать пароли может только сотрудник администрации');
  }
}

function requireLinkData(
  data: { tokenDigest: string; expiresAt: string; sentTo: string },
  ctx: CommandContext,
): void {
  if (!DIGEST.test(data.tokenDigest)) fail('TOKEN_DIGEST_INVALID', 'Неверный отпечаток ссылки');
  const expires = Date.parse(data.expiresAt);
  if (Number.isNaN(expires) || expires <= Date.parse(ctx.issuedAt)) {
    fail('EXPIRY_INVALID', 'Срок действия ссылки должен быть в будущем');
  }
  if (!data.sentTo.includes('@')) {
    fail('EMAIL_REQUIRED', 'У сотрудника нет адреса электронной почты: ссылку некуда отправить');
  }
}

function requireLink(
  state: CredentialsState,
  kind: CredentialLinkKind,
  digest: string,
  ctx: CommandContext,
): void {
  const link = state.outstanding;
  if (link?.tokenDigest === digest && link.kind === kind) {
    if (Date.parse(link.expiresAt) <= Date.parse(ctx.issuedAt)) {
      fail(
        'LINK_EXPIRED',
        kind === 'invitation'
          ? 'Срок действия приглашения истёк: попросите администрацию школы прислать новое'
          : 'Срок действия ссылки для сброса пароля истёк: запросите новую',
        { expiresAt: link.expiresAt },
      );
    }
    return;
  }
  if (state.spent.includes(digest)) {
    fail('LINK_USED', 'Ссылка уже использована или заменена более новой: воспользуйтесь последним письмом');
  }
  fail('LINK_INVALID', 'Ссылка недействительна: проверьте, что она скопирована целиком');
}
