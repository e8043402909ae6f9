import { Injectable } from '@nestjs/common';
import {
  planDecider,
  planStreamName,
  type PlanApproved,
  type PlanEvent,
  type PlanState,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';

export interface PlanHistory {
  streamName: string;
  state: PlanState;
  /** Revision of the stream's last event, -1 when the plan was never approved. */
  revision: number;
  lastApproved?: PlanApproved['data'] & { position: number };
}

/** The school's approved plan for a year, folded from its stream by the shared handler: the log is the truth. */
@Injectable()
export class PlanLog {
  constructor(private readonly handler: DeciderHandler) {}

  async load(schoolId: string, academicYear: string): Promise<PlanHistory> {
    const loaded = await this.handler.load(this.streamOf(schoolId, academicYear), planDecider());
    const last = [...loaded.recorded].reverse().find((e) => e.type === 'PlanApproved');
    const lastApproved = last
      ? { ...(last.data as Extract<PlanEvent, { type: 'PlanApproved' }>['data']), position: last.position }
      : undefined;
    return { streamName: loaded.streamName, state: loaded.state, revision: loaded.revision, lastApproved };
  }

  streamOf(schoolId: string, academicYear: string): string {
    return planStreamName(schoolId, academicYear);
  }
}
