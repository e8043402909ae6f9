import type { DomainEvent } from '../shared';

/*
 * A person's sign-in credentials as facts. Links carry a random token; the stream keeps only its SHA-256 digest
 * (a 256-bit token cannot be recovered from it, and a used or expired one is worthless). Passwords and their
 * hashes are never events: the scrypt hash lives in the credentials store (libs/accounts), written after the
 * event that allows it.
 */

/** Why a link was sent: the first sign-in, a reset the person asked for, or one the director imposed. */
export type CredentialLinkKind = 'invitation' | 'reset';

export type InvitationIssued = DomainEvent<
  'InvitationIssued',
  { personId: string; tokenDigest: string; expiresAt: string; sentTo: string }
>;

/** The person followed the invitation and chose a password: the invitation is used up. */
export type InvitationAccepted = DomainEvent<'InvitationAccepted', { personId: string; tokenDigest: string }>;

/**
 * The person changed their own password, knowing the current one; their other sessions end. `byInstallation`:
 * the installation set it (a system actor, such as `seed demo` for its demo accounts), not the person.
 */
export type PasswordChanged = DomainEvent<'PasswordChanged', { personId: string; byInstallation?: true }>;

/** A reset link was mailed because the person asked for it. */
export type PasswordResetRequested = DomainEvent<
  'PasswordResetRequested',
  { personId: string; tokenDigest: string; expiresAt: string; sentTo: string }
>;

/**
 * The administration imposed a reset: the current password stops working at once, every session ends, and a
 * reset link is mailed.
 */
export type PasswordResetForced = DomainEvent<
  'PasswordResetForced',
  { personId: string; reason: string; tokenDigest: string; expiresAt: string; sentTo: string }
>;

/** The person followed a reset link and chose a new password: the link is used up, every session ends. */
export type PasswordReset = DomainEvent<'PasswordReset', { personId: string; tokenDigest: string }>;

export type CredentialsEvent =
  | InvitationIssued
  | InvitationAccepted
  | PasswordChanged
  | PasswordResetRequested
  | PasswordResetForced
  | PasswordReset;

export type CredentialsEventType = CredentialsEvent['type'];

const TYPES: Record<CredentialsEventType, true> = {
  InvitationIssued: true,
  InvitationAccepted: true,
  PasswordChanged: true,
  PasswordResetRequested: true,
  PasswordResetForced: true,
  PasswordReset: true,
};

export const CREDENTIALS_EVENT_TYPES = Object.keys(TYPES) as CredentialsEventType[];
