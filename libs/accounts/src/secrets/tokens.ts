import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens and API keys carry 256 random bits. A session token is looked up by its SHA-256 digest (a
 * slow hash buys nothing against a 256-bit secret, and the digest is the document `_id`, the only indexed
 * lookup on FerretDB). An API key names its record in the clear (`vsk_<keyId>_<secret>`); its secret is kept
 * as a scrypt hash.
 */
export const SESSION_PREFIX = 'vss_';
export const API_KEY_PREFIX = 'vsk_';
/** Mailed links: an invitation to choose a first password, and a password reset. */
export const INVITATION_PREFIX = 'vsi_';
export const RESET_PREFIX = 'vsr_';

export function newSessionToken(): string {
  return SESSION_PREFIX + randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newApiKey(): { keyId: string; secret: string; key: string } {
  const keyId = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, key: `${API_KEY_PREFIX}${keyId}_${secret}` };
}

export function parseApiKey(key: string): { keyId: string; secret: string } | undefined {
  const m = /^vsk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return m ? { keyId: m[1], secret: m[2] } : undefined;
}

/** A link token (256 random bits) and the SHA-256 digest under which it is recorded and looked up. */
export function newLinkToken(kind: 'invitation' | 'reset'): { token: string; digest: string } {
  const token =
    (kind === 'invitation' ? INVITATION_PREFIX : RESET_PREFIX) + randomBytes(32).toString('base64url');
  return { token, digest: sessionIdOf(token) };
}

/** The digest of a link token a client sends back, or undefined when it cannot be one of ours. */
export function linkDigestOf(token: string, kind: 'invitation' | 'reset'): string | undefined {
  const prefix = kind === 'invitation' ? INVITATION_PREFIX : RESET_PREFIX;
  return token.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(prefix.length))
    ? sessionIdOf(token)
    : undefined;
}
