import { Inject, Injectable } from '@nestjs/common';
import {
  evolvePlan,
  initialPlanState,
  planStreamName,
  type PlanApproved,
  type PlanEvent,
  type PlanState,
} from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';

export interface PlanHistory {
  streamName: string;
  state: PlanState;
  /** Revision of the stream's last event, -1 when the plan was never approved. */
  revision: number;
  lastApproved?: PlanApproved['data'] & { position: number };
}

/** The school's approved plan for a year, folded from its stream: the log is the only source of truth. */
@Injectable()
export class PlanLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(schoolId: string, academicYear: string): Promise<PlanHistory> {
    const streamName = planStreamName(schoolId, academicYear);
    const recorded = await this.store.readStream(streamName);
    let state = initialPlanState;
    let lastApproved: PlanHistory['lastApproved'];
    for (const e of recorded) {
      const event = { type: e.type, data: e.data } as PlanEvent;
      state = evolvePlan(state, event);
      if (event.type === 'PlanApproved') lastApproved = { ...event.data, position: e.position };
    }
    return { streamName, state, revision: recorded.at(-1)?.revision ?? -1, lastApproved };
  }
}
