import type { Actor, CommandContext } from '../shared';
import { spec } from '../testing';
import type { CredentialsCommand } from './commands';
import { decideCredentials } from './decide';
import type { CredentialsEvent } from './events';
import { evolveCredentials } from './evolve';
import { initialCredentialsState } from './state';

const given = (events: CredentialsEvent[]) =>
  spec(decideCredentials, evolveCredentials, initialCredentialsState).given(events);

const PERSON = 'ivanova.m';
const NOW = '2026-09-01T09:00:00.000Z';
const director: Actor = { id: 'director.1', kind: 'user', role: 'director' };
const linkHolder: Actor = { id: 'password-link', kind: 'system', name: 'владелец ссылки' };
const ivanova: Actor = { id: PERSON, kind: 'user', role: 'teacher' };
const digest = (c: string) => c.repeat(64);

function ctx(actor: Actor, issuedAt = NOW): CommandContext {
  return {
    commandId: 'c-1',
    actor,
    issuedAt,
    correlationId: 'corr',
    causationId: 'c-1',
    schoolId: 'school-1',
  };
}

const invitationData = {
  personId: PERSON,
  tokenDigest: digest('a'),
  expiresAt: '2026-09-08T09:00:00.000Z',
  sentTo: 'm@school.ru',
};
const invitation: CredentialsEvent = { type: 'InvitationIssued', data: invitationData };
const issue = (data = invitationData): CredentialsCommand => ({ type: 'IssueInvitation', data });
const accepted: CredentialsEvent = {
  type: 'InvitationAccepted',
  data: { personId: PERSON, tokenDigest: digest('a') },
};
const accept = (d = digest('a')): CredentialsCommand => ({
  type: 'AcceptInvitation',
  data: { personId: PERSON, tokenDigest: d },
});
const resetLink = (d = digest('b')) => ({
  personId: PERSON,
  tokenDigest: d,
  expiresAt: '2026-09-01T10:00:00.000Z',
  sentTo: 'm@school.ru',
});
const requestReset = (d = digest('b')): CredentialsCommand => ({
  type: 'RequestPasswordReset',
  data: resetLink(d),
});
const complete = (d = digest('b')): CredentialsCommand => ({
  type: 'CompletePasswordReset',
  data: { personId: PERSON, tokenDigest: d },
});

describe('an invitation', () => {
  it('is issued by a person of the administration to a mail address, with an expiry in the future', () => {
    given([]).when(issue(), ctx(director)).then([invitation]);
    given([])
      .when(issue({ ...invitationData, sentTo: '' }), ctx(director))
      .thenThrows('EMAIL_REQUIRED');
    given([])
      .when(issue({ ...invitationData, expiresAt: NOW }), ctx(director))
      .thenThrows('EXPIRY_INVALID');
    given([]).when(issue(), ctx(linkHolder)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('is accepted once, before it expires', () => {
    const state = given([invitation]).when(accept(), ctx(linkHolder)).then([accepted]);
    expect(state).toMatchObject({ hasPassword: true, outstanding: null });
    given([invitation, accepted]).when(accept(), ctx(linkHolder)).thenThrows('LINK_USED');
    given([invitation])
      .when(accept(), ctx(linkHolder, '2026-09-08T09:00:00.000Z'))
      .thenThrows('LINK_EXPIRED');
    given([invitation])
      .when(accept(digest('f')), ctx(linkHolder))
      .thenThrows('LINK_INVALID');
  });

  it('is replaced by a newer one: the older link no longer works', () => {
    const newer: CredentialsEvent = {
      type: 'InvitationIssued',
      data: { ...invitationData, tokenDigest: digest('c') },
    };
    given([invitation, newer]).when(accept(), ctx(linkHolder)).thenThrows('LINK_USED');
    given([invitation, newer])
      .when(accept(digest('c')), ctx(linkHolder))
      .then([{ type: 'InvitationAccepted', data: { personId: PERSON, tokenDigest: digest('c') } }]);
  });

  it('is not sent to a person who already chose a password', () => {
    given([invitation, accepted]).when(issue(), ctx(director)).thenThrows('ALREADY_SIGNED_UP');
  });

  it('is not a reset link, and a reset link is not an invitation', () => {
    given([invitation])
      .when(complete(digest('a')), ctx(linkHolder))
      .thenThrows('LINK_INVALID');
  });
});

describe('a password reset', () => {
  const requested: CredentialsEvent = { type: 'PasswordResetRequested', data: requestReset().data as never };

  it('is requested by anyone who names the login, and completed once with the mailed link', () => {
    given([invitation, accepted]).when(requestReset(), ctx(linkHolder)).then([requested]);
    given([invitation, accepted, requested])
      .when(complete(), ctx(linkHolder))
      .then([{ type: 'PasswordReset', data: { personId: PERSON, tokenDigest: digest('b') } }]);
    given([
      invitation,
      accepted,
      requested,
      { type: 'PasswordReset', data: { personId: PERSON, tokenDigest: digest('b') } },
    ])
      .when(complete(), ctx(linkHolder))
      .thenThrows('LINK_USED');
  });

  it('expires', () => {
    given([requested])
      .when(complete(), ctx(linkHolder, '2026-09-01T10:00:00.001Z'))
      .thenThrows('LINK_EXPIRED');
  });

  it('imposed by the director takes the password away until the person sets a new one', () => {
    const data = { ...resetLink(digest('d')), reason: 'Пароль сообщён коллеге' };
    const force: CredentialsCommand = { type: 'ForcePasswordReset', data };
    const state = given([invitation, accepted])
      .when(force, ctx(director))
      .then([{ type: 'PasswordResetForced', data }]);
    expect(state).toMatchObject({ hasPassword: false, resetForced: true });
    given([invitation, accepted])
      .when({ type: 'ForcePasswordReset', data: { ...data, reason: '  ' } }, ctx(director))
      .thenThrows('REASON_REQUIRED');
    given([invitation, accepted, { type: 'PasswordResetForced', data }])
      .when({ type: 'ChangePassword', data: { personId: PERSON } }, ctx(ivanova))
      .thenThrows('PASSWORD_RESET_REQUIRED');
  });
});

describe('a password change', () => {
  it('is made by the person alone', () => {
    given([invitation, accepted])
      .when({ type: 'ChangePassword', data: { personId: PERSON } }, ctx(ivanova))
      .then([{ type: 'PasswordChanged', data: { personId: PERSON } }]);
    given([invitation, accepted])
      .when({ type: 'ChangePassword', data: { personId: PERSON } }, ctx(director))
      .thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('is set by the installation (a system actor) on the record too, and refused while a reset is imposed', () => {
    const seed: Actor = { id: 'vsoko-seed', kind: 'system', name: 'vsoko seed demo' };
    given([])
      .when({ type: 'ChangePassword', data: { personId: PERSON } }, ctx(seed))
      .then([{ type: 'PasswordChanged', data: { personId: PERSON, byInstallation: true } }]);
    const forced = { ...resetLink(), reason: 'Утерян пароль' };
    given([invitation, accepted, { type: 'PasswordResetForced', data: forced }])
      .when({ type: 'ChangePassword', data: { personId: PERSON } }, ctx(seed))
      .thenThrows('PASSWORD_RESET_REQUIRED');
  });

  it('on a stream of another person is refused', () => {
    given([invitation])
      .when({ type: 'ChangePassword', data: { personId: 'other' } }, ctx({ ...ivanova, id: 'other' }))
      .thenThrows('LINK_INVALID');
  });
});
