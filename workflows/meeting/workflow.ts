import { log, proxyActivities } from '@temporalio/workflow';
import type { MeetingActivities } from './activities';
import type { DiscussionOutcome, MeetingDiscussionsInput, MeetingDiscussionsReport } from './definitions';

// A step is one procedure update; a worker that died mid-step is retried after this long.
const { heldMeetingAgenda, discussProcedure } = proxyActivities<MeetingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * A held meeting gives each procedure on its agenda the discussed stage, durably: a crash of the API or a worker
 * resumes here, and every step is idempotent. A procedure that cannot take the stage (not analysed yet, closed,
 * another school's) is reported with its code, and the others go on.
 */
export async function meetingDiscussionsWorkflow(
  input: MeetingDiscussionsInput,
): Promise<MeetingDiscussionsReport> {
  const agenda = await heldMeetingAgenda(input.meetingId);
  const outcomes: DiscussionOutcome[] = [];
  for (const procedureId of agenda?.procedureIds ?? []) {
    const outcome = await discussProcedure({ agenda: agenda!, procedureId });
    if (outcome.outcome === 'refused') log.warn('procedure not discussed', { ...outcome });
    outcomes.push(outcome);
  }
  return { meetingId: input.meetingId, outcomes };
}
