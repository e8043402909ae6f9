import { Inject, Injectable } from '@nestjs/common';
import { integrationStreamName } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { integrationContext } from '@vsoko/workflows/calendar/definitions';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';

/** Appends to an integration's own stream, with the integration as the actor. */
@Injectable()
export class IntegrationLog {
  constructor(
    private readonly handler: DeciderHandler,
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
    const context = integrationContext(
      integrationId,
      schoolId,
      key,
      this.clock.now().toISOString(),
      correlationId,
    );
    const result = await this.handler.append(
      integrationStreamName(integrationId),
      [{ type, data }],
      context,
      { expectedRevision: 'any' },
    );
    return { eventId: result.eventIds[0], position: result.position };
  }
}
