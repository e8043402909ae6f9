/**
 * A fresh Idempotency-Key (128 random bits as hex). `crypto.randomUUID` exists only in secure contexts (HTTPS or
 * localhost): a school opening the server by its LAN address over plain HTTP would get an error instead of a page.
 * `crypto.getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
