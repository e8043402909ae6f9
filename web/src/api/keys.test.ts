import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './keys';

describe('idempotency keys', () => {
  it('are 32 hex characters and differ from one submission to the next', () => {
    const keys = new Set(Array.from({ length: 1000 }, newIdempotencyKey));
    expect(keys.size).toBe(1000);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{32}$/);
  });
});
