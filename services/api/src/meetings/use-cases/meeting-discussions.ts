import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { MEETINGS_TASK_QUEUE, meetingDiscussionsWorkflowId } from '@vsoko/workflows/meeting/definitions';
import { TEMPORAL_CLIENT } from '../../infrastructure/tokens';

/**
 * Starts the durable run that gives every procedure on a held meeting's agenda its discussed stage. The holding
 * is already recorded when this runs; if Temporal is unreachable the request fails and its retry (same
 * Idempotency-Key) records nothing twice and starts the run again, whose steps are idempotent.
 */
@Injectable()
export class MeetingDiscussions {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async held(meetingId: string): Promise<void> {
    await this.client.workflow.start('meetingDiscussionsWorkflow', {
      workflowId: meetingDiscussionsWorkflowId(meetingId),
      taskQueue: MEETINGS_TASK_QUEUE,
      args: [{ meetingId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  }
}
