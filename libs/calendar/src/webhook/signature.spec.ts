import { signWebhook, verifyWebhookSignature } from './signature';

describe('webhook signatures', () => {
  const body = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
  const signature = signWebhook('secret-1', 1_760_000_000, body);

  it('verify with the same secret, timestamp and body', () => {
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('secret-1', 1_760_000_000, body, signature)).toBe(true);
  });

  it('fail when any of them differs, or the signature is malformed', () => {
    expect(verifyWebhookSignature('secret-2', 1_760_000_000, body, signature)).toBe(false);
    expect(verifyWebhookSignature('secret-1', 1_760_000_001, body, signature)).toBe(false);
    expect(verifyWebhookSignature('secret-1', 1_760_000_000, body + ' ', signature)).toBe(false);
    expect(verifyWebhookSignature('secret-1', 1_760_000_000, body, 'v1=00')).toBe(false);
  });
});
