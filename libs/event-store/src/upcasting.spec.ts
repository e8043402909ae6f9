import type { RecordedEvent } from './port';
import { UpcasterRegistry } from './upcasting';

const recorded = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  id: '00000000-0000-4000-8000-000000000000',
  streamName: 'procedure-1',
  revision: 0,
  position: 1,
  type,
  schemaVersion,
  data,
  metadata: {
    actor: { id: 'system', kind: 'system' },
    occurredAt: '2025-01-01T00:00:00.000Z',
    correlationId: 'c',
    causationId: 'c',
    schoolId: 's',
  },
  recordedAt: '2025-01-01T00:00:00.000Z',
});

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register('A', 1, (data) => ({ ...(data as object), b: 2 }))
    .register('A', 2, (data) => ({ ...(data as object), c: 3 }));

  it('raises step by step to the newest version it knows', () => {
    expect(registry.upcast(recorded('A', 1, { a: 1 }))).toMatchObject({
      schemaVersion: 3,
      data: { a: 1, b: 2, c: 3 },
    });
  });

  it('leaves other types and current versions as they are', () => {
    const current = recorded('A', 3, { a: 1 });
    expect(registry.upcast(current)).toBe(current);
    expect(registry.upcast(recorded('B', 1, { x: 1 }))).toMatchObject({ schemaVersion: 1, data: { x: 1 } });
  });

  it('does not change the event it was given', () => {
    const old = recorded('A', 1, { a: 1 });
    registry.upcast(old);
    expect(old).toMatchObject({ schemaVersion: 1, data: { a: 1 } });
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => new UpcasterRegistry().register('A', 1, (d) => d).register('A', 1, (d) => d)).toThrow(
      'registered twice',
    );
  });
});
