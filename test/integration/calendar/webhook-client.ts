import { signWebhook } from '@vsoko/calendar';

export interface SignedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A calendar system's webhook sender: signs each attempt anew (a retry is a new timestamp, the same
 * Idempotency-Key) and can replay a captured request byte for byte, as an attacker would.
 */
export class WebhookClient {
  readonly sent: Array<{ request: SignedRequest; status: number; body: Record<string, unknown> }> = [];

  constructor(
    private readonly baseUrl: string,
    private readonly integrationId: string,
    private readonly secret: string,
  ) {}

  sign(body: string, options: { key?: string; timestamp?: number; secret?: string } = {}): SignedRequest {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return {
      url: `${this.baseUrl}/integrations/calendar/webhook`,
      body,
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'x-vsoko-integration': this.integrationId,
        'x-vsoko-timestamp': String(timestamp),
        'x-vsoko-signature': signWebhook(options.secret ?? this.secret, timestamp, body),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
    };
  }

  async send(request: SignedRequest): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
    const result = { status: res.status, body: (await res.json()) as Record<string, unknown> };
    this.sent.push({ request, ...result });
    return result;
  }

  /** Delivers with retries on 5xx or a lost answer, re-signing each attempt under the same key. */
  async deliver(
    body: string,
    key: string,
    attempts = 3,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    let last: { status: number; body: Record<string, unknown> } | undefined;
    for (let i = 0; i < attempts; i++) {
      try {
        last = await this.send(this.sign(body, { key, timestamp: Math.floor(Date.now() / 1000) + i }));
        if (last.status < 500) return last;
      } catch {
        // connection lost: retry
      }
    }
    return last ?? { status: 0, body: {} };
  }
}
