import { Inject, Injectable } from '@nestjs/common';
import {
  evolveTemplate,
  initialTemplateState,
  templateStreamName,
  type TemplateEvent,
  type TemplateState,
} from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';

export interface TemplateHistory {
  streamName: string;
  state: TemplateState;
  /** Revision of the stream's last event, -1 when nothing was published. */
  revision: number;
}

/** A district template folded from its stream. */
@Injectable()
export class TemplateLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(districtId: string, templateId: string): Promise<TemplateHistory> {
    const streamName = templateStreamName(districtId, templateId);
    const recorded = await this.store.readStream(streamName);
    const state = recorded
      .map((e) => ({ type: e.type, data: e.data }) as TemplateEvent)
      .reduce(evolveTemplate, initialTemplateState);
    return { streamName, state, revision: recorded.at(-1)?.revision ?? -1 };
  }
}
