import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@vsoko/domain';
import type { EventToAppend } from '../src/port';

export const metadata: EventMetadata = {
  actor: { id: 'user-1', kind: 'user', role: 'заместитель директора', name: 'Иванова А. П.' },
  occurredAt: '2025-09-01T09:00:00.000Z',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  schoolId: 'school-1',
};

export function event(type = 'ProcedureScheduled', data: unknown = { title: 'Мониторинг' }): EventToAppend {
  return { id: randomUUID(), type, data, metadata };
}

export function events(count: number, type = 'DecisionRecorded'): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => event(type, { n: i }));
}

/** Streams differ per test so that suites can share one server. */
export function streamName(category = 'procedure'): string {
  return `${category}-${randomUUID()}`;
}
