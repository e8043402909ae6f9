import { Inject, Injectable } from '@nestjs/common';
import { integrationStreamName, type EventMetadata } from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { deterministicEventId } from '@vsoko/event-sourcing';
import { integrationActor } from '@vsoko/workflows/calendar/definitions';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';

/** Appends to an integration's own stream, with the integration as the actor. */
@Injectable()
export class IntegrationLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `key` makes the append idempotent: the same key gives the same event id, which the store writes once. */
  async append(
    integrationId: string,
    schoolId: string,
    key: string,
    type: string,
    data: Record<string, unknown>,
    correlationId = key,
  ): Promise<{ eventId: string; position: number }> {
    const stream = integrationStreamName(integrationId);
    const eventId = deterministicEventId(stream, key, 0);
    const metadata: EventMetadata = {
      actor: integrationActor(integrationId),
      occurredAt: this.clock.now().toISOString(),
      correlationId,
      causationId: key,
      schoolId,
    };
    const result = await this.store.append(stream, [{ id: eventId, type, data, metadata }], 'any');
    return { eventId, position: result.position };
  }
}
