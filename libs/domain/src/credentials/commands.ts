import type { InvitationIssued, PasswordResetForced, PasswordResetRequested } from './events';

type Command<Type extends string, Data> = { type: Type; data: Data };

/** The use case makes the token, mails it and keeps the password hash; the stream decides what is allowed. */
export type IssueInvitation = Command<'IssueInvitation', InvitationIssued['data']>;
export type AcceptInvitation = Command<'AcceptInvitation', { personId: string; tokenDigest: string }>;
/** The current password was checked by the use case (it alone sees the hash). */
export type ChangePassword = Command<'ChangePassword', { personId: string }>;
export type RequestPasswordReset = Command<'RequestPasswordReset', PasswordResetRequested['data']>;
export type ForcePasswordReset = Command<'ForcePasswordReset', PasswordResetForced['data']>;
export type CompletePasswordReset = Command<
  'CompletePasswordReset',
  { personId: string; tokenDigest: string }
>;

export type CredentialsCommand =
  | IssueInvitation
  | AcceptInvitation
  | ChangePassword
  | RequestPasswordReset
  | ForcePasswordReset
  | CompletePasswordReset;
