import { procedureStreamName, type DomainEvent, type EventMetadata } from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { InMemoryProjector } from '../in-memory-projector';
import type { AnyProjection, ProjectedDocument } from '../projection';

export interface GivenEvent extends DomainEvent {
  /** Defaults: the director at 09:00 UTC on the day of the event's position in a test log. */
  metadata?: Partial<EventMetadata>;
}

/** Domain events as the store would record them: positions from 1, revisions per procedure stream. */
export function recorded(events: readonly GivenEvent[], startAt = 1): RecordedEvent[] {
  const revisions = new Map<string, number>();
  return events.map((event, i) => {
    const procedureId = (event.data as { procedureId: string }).procedureId;
    const streamName = procedureStreamName(procedureId);
    const revision = (revisions.get(streamName) ?? -1) + 1;
    revisions.set(streamName, revision);
    const occurredAt = new Date(Date.UTC(2024, 0, 1, 9) + i * 60_000).toISOString();
    return {
      id: `00000000-0000-4000-8000-${String(startAt + i).padStart(12, '0')}`,
      streamName,
      revision,
      position: startAt + i,
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: {
        actor: { id: 'director-1', kind: 'user', role: 'director' },
        occurredAt,
        correlationId: 'corr-1',
        causationId: 'cause-1',
        schoolId: 'school-1',
        ...event.metadata,
      },
      recordedAt: occurredAt,
    };
  });
}

/**
 * Given events, then documents: folds them batch by batch the way the Mongo projector does (same fold, same
 * facts lookup), in memory. Returns every document by id.
 */
export function project(
  projection: AnyProjection,
  events: readonly RecordedEvent[],
  batchSize = events.length || 1,
): Map<string, ProjectedDocument> {
  const projector = new InMemoryProjector([projection]);
  for (let i = 0; i < events.length; i += batchSize) projector.apply(events.slice(i, i + batchSize));
  return projector.collections.get(projection.collection)!;
}
