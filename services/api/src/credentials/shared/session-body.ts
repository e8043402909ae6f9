import type { SessionIssued } from '@vsoko/accounts';

/** A session as POST /auth/login answers it. */
export function sessionBody({ token, expiresAt, user }: SessionIssued) {
  return {
    token,
    tokenType: 'Bearer',
    expiresAt: expiresAt.toISOString(),
    user: { id: user._id, name: user.name, schools: user.memberships, inspects: user.inspects },
  };
}
