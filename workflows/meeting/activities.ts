import type { Client } from '@temporalio/client';
import {
  discussionOf,
  meetingDecider,
  meetingStreamName,
  proceduresOnAgenda,
  VsokoError,
  type CommandContext,
} from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
import { DeciderHandler } from '../../libs/event-sourcing/src';
import { ProcedureClient } from '../procedure/client';
import type { DiscussionOutcome, HeldMeetingAgenda } from './definitions';

export interface MeetingActivities {
  /** The held meeting's agenda and discussion, or null when the meeting is not (or not yet) held. */
  heldMeetingAgenda(meetingId: string): Promise<HeldMeetingAgenda | null>;
  /** Gives one procedure its discussed stage from the meeting; a refusal is an outcome, not a failure. */
  discussProcedure(input: { agenda: HeldMeetingAgenda; procedureId: string }): Promise<DiscussionOutcome>;
}

/**
 * The meeting's stream is the truth: the agenda as it stood when the meeting was held, and the MeetingHeld event
 * whose id every discussion derives from. Procedures are driven through the one procedure client, as the API
 * does, with a command id per meeting and procedure, so a retried activity or a repeated run records nothing
 * twice.
 */
export function createMeetingActivities(deps: { store: EventStore; temporal: Client }): MeetingActivities {
  const handler = new DeciderHandler(deps.store);
  const procedures = new ProcedureClient(deps.temporal, deps.store);
  return {
    async heldMeetingAgenda(meetingId) {
      const { state, recorded } = await handler.load(meetingStreamName(meetingId), meetingDecider);
      if (state.status !== 'held' && state.status !== 'signed') return null;
      const heldEvent = recorded.find((e) => e.type === 'MeetingHeld');
      if (!heldEvent) return null;
      const recordedOn = (heldEvent.data as { recordedOn: string }).recordedOn;
      return {
        schoolId: state.schoolId,
        discussion: discussionOf(state, recordedOn),
        procedureIds: proceduresOnAgenda(state),
        heldEventId: heldEvent.id,
        correlationId: heldEvent.metadata.correlationId,
        occurredAt: heldEvent.metadata.occurredAt,
      };
    },

    async discussProcedure({ agenda, procedureId }) {
      const meetingId = agenda.discussion.meetingId!;
      const context: CommandContext = {
        commandId: `meeting:${meetingId}:discussion:${procedureId}`,
        actor: { id: 'system', kind: 'system', name: 'vsoko' },
        issuedAt: agenda.occurredAt,
        correlationId: agenda.correlationId,
        causationId: agenda.heldEventId,
        schoolId: agenda.schoolId,
      };
      try {
        await procedures.execute(procedureId, {
          command: { type: 'RecordDiscussion', data: { procedureId, meeting: agenda.discussion } },
          context,
        });
        return { procedureId, outcome: 'discussed' };
      } catch (e) {
        if (!(e instanceof VsokoError)) throw e;
        if (e.code === 'STAGE_ALREADY_DONE' && (await discussedBy(procedures, procedureId, meetingId)))
          return { procedureId, outcome: 'already' };
        return { procedureId, outcome: 'refused', code: e.code, message: e.message };
      }
    },
  };
}

async function discussedBy(procedures: ProcedureClient, procedureId: string, meetingId: string) {
  const { state } = await procedures.snapshot(procedureId);
  return 'discussion' in state && state.discussion?.meetingId === meetingId;
}
