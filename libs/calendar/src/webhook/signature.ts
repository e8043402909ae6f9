import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of a signed webhook delivery. */
export const WEBHOOK_HEADERS = {
  integration: 'x-vsoko-integration',
  timestamp: 'x-vsoko-timestamp',
  signature: 'x-vsoko-signature',
  idempotencyKey: 'idempotency-key',
} as const;

/** A delivery older (or further in the future) than this is refused: the window a replay could use. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` with the integration's secret (as Stripe and Slack do). */
export function signWebhook(secret: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `v1=${mac}`;
}

export function verifyWebhookSignature(
  secret: string,
  timestamp: number,
  body: string | Buffer,
  signature: string,
): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
