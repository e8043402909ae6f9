import { Injectable } from '@nestjs/common';
import { templateDecider, templateStreamName, type TemplateState } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';

export interface TemplateHistory {
  streamName: string;
  state: TemplateState;
  /** Revision of the stream's last event, -1 when nothing was published. */
  revision: number;
}

/** A district template folded from its stream by the shared handler. */
@Injectable()
export class TemplateLog {
  constructor(private readonly handler: DeciderHandler) {}

  async load(districtId: string, templateId: string): Promise<TemplateHistory> {
    const loaded = await this.handler.load(templateStreamName(districtId, templateId), templateDecider);
    return { streamName: loaded.streamName, state: loaded.state, revision: loaded.revision };
  }
}
