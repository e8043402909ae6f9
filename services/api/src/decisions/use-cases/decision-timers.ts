import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  decisionChangedSignal,
  decisionWorkflowId,
  DECISIONS_TASK_QUEUE,
} from '@vsoko/workflows/decision/definitions';
import { TEMPORAL_CLIENT } from '../../infrastructure/tokens';

/**
 * Tells a decision's workflow that its stream changed, starting the workflow on the first write. The write is
 * already recorded when this runs; if Temporal is unreachable the request fails and its retry (same
 * Idempotency-Key) records nothing twice and signals again.
 */
@Injectable()
export class DecisionTimers {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async changed(decisionId: string): Promise<void> {
    await this.client.workflow.signalWithStart('decisionWorkflow', {
      workflowId: decisionWorkflowId(decisionId),
      taskQueue: DECISIONS_TASK_QUEUE,
      args: [{ decisionId }],
      signal: decisionChangedSignal,
    });
  }
}
