/** Where a person's first sign-in stands, as a district's screen shows it beside each inspector. */
export type InvitationStatus =
  | { state: 'not-invited' }
  | { state: 'sent' | 'expired'; sentTo: string; sentAt: string; expiresAt: string }
  | { state: 'accepted'; at: string };

/** A credentials event as read from the person's stream, with when it happened. */
export interface CredentialsFact {
  type: string;
  data: unknown;
  occurredAt: string;
}

/** Any of these means the person has chosen a password of their own: the invitation has done its work. */
const OWN_PASSWORD = new Set(['InvitationAccepted', 'PasswordChanged', 'PasswordReset']);

/**
 * Read from the credentials stream alone: a password of one's own wins (the first time it was chosen); otherwise
 * the latest invitation, which lapses at its expiry; otherwise none was sent.
 */
export function invitationStatus(facts: readonly CredentialsFact[], now: Date): InvitationStatus {
  const own = facts.find((f) => OWN_PASSWORD.has(f.type));
  if (own) return { state: 'accepted', at: own.occurredAt };
  const issued = facts.filter((f) => f.type === 'InvitationIssued').at(-1);
  if (!issued) return { state: 'not-invited' };
  const { sentTo, expiresAt } = issued.data as { sentTo: string; expiresAt: string };
  return {
    state: Date.parse(expiresAt) <= now.getTime() ? 'expired' : 'sent',
    sentTo,
    sentAt: issued.occurredAt,
    expiresAt,
  };
}
