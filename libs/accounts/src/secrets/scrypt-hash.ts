import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * scrypt with a per-secret random salt, stored as `scrypt$N$r$p$salt$hash` (base64url) so that the cost can be
 * raised later without invalidating existing hashes. N=2^15, r=8 (≈32 MiB, ≈50–100 ms here) follows OWASP's
 * password storage recommendation for scrypt.
 */
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

export async function hashSecret(secret: string, cost: { N: number; r: number; p: number } = DEFAULT) {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const expected = Buffer.from(parts[5], 'base64url');
  const actual = await derive(secret, Buffer.from(parts[4], 'base64url'), { N, r, p }, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(
  secret: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
  length = KEY_LENGTH,
): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}
