import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { procedureDecider, procedureStreamName, proceduresOnAgenda } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import {
  meetingDiscussionsWorkflowId,
  type DiscussionOutcome,
  type MeetingDiscussionsReport,
} from '@vsoko/workflows/meeting/definitions';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { MeetingUseCases } from './meeting-use-cases';

export interface ProcedureDiscussion {
  procedureId: string;
  title?: string;
  /** `pending`: the run has not reached it yet. */
  outcome: 'discussed' | 'refused' | 'pending';
  /** Why it refused the stage, as the procedure answered the run (`NOT_DISCUSSED` once the run is forgotten). */
  code?: string;
  message?: string;
}

export interface MeetingDiscussionsView {
  meetingId: string;
  /**
   * The durable run that gives the agenda's procedures their discussed stage: `not-held` before holding,
   * `forgotten` once the server no longer keeps it (its retention), when outcomes come from the log alone.
   */
  run: 'not-held' | 'running' | 'completed' | 'failed' | 'forgotten';
  procedures: ProcedureDiscussion[];
  /** The procedures that refused the stage: not analysed yet, closed, cancelled … — to be dealt with by hand. */
  refused: ProcedureDiscussion[];
}

/**
 * Which procedures on a held meeting's agenda took the discussed stage from it and which refused it. The log
 * says who was discussed by this meeting; the run (workflows/meeting) says why the others refused.
 */
@Injectable()
export class DiscussionOutcomes {
  constructor(
    private readonly meetings: MeetingUseCases,
    private readonly handler: DeciderHandler,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async of(meetingId: string, schools: SchoolScope): Promise<MeetingDiscussionsView> {
    const meeting = await this.meetings.get(meetingId, schools);
    if (meeting.status !== 'held' && meeting.status !== 'signed') {
      return { meetingId, run: 'not-held', procedures: [], refused: [] };
    }
    const { run, outcomes } = await this.runOf(meetingId);
    const byId = new Map(outcomes.map((o) => [o.procedureId, o]));
    const procedures: ProcedureDiscussion[] = [];
    for (const procedureId of proceduresOnAgenda(meeting)) {
      const { state } = await this.handler.load(procedureStreamName(procedureId), procedureDecider);
      // Agenda items are checked to be the school's own when added; a stranger's procedure shows nothing of it.
      const own = state.status !== 'none' && state.schoolId === meeting.schoolId;
      const title = own ? { title: state.title } : {};
      const discussed = own && 'discussion' in state && state.discussion?.meetingId === meetingId;
      const told = byId.get(procedureId);
      if (discussed) procedures.push({ procedureId, ...title, outcome: 'discussed' });
      else if (told?.outcome === 'refused') {
        procedures.push({
          procedureId,
          ...title,
          outcome: 'refused',
          ...(told.code ? { code: told.code } : {}),
          ...(told.message ? { message: told.message } : {}),
        });
      } else if (run === 'running') procedures.push({ procedureId, ...title, outcome: 'pending' });
      else {
        procedures.push({
          procedureId,
          ...title,
          outcome: 'refused',
          code: 'NOT_DISCUSSED',
          message: 'Процедура не получила этап «обсуждено» на этом заседании',
        });
      }
    }
    return { meetingId, run, procedures, refused: procedures.filter((p) => p.outcome === 'refused') };
  }

  private async runOf(
    meetingId: string,
  ): Promise<{ run: MeetingDiscussionsView['run']; outcomes: DiscussionOutcome[] }> {
    const handle = this.client.workflow.getHandle<() => Promise<MeetingDiscussionsReport>>(
      meetingDiscussionsWorkflowId(meetingId),
    );
    try {
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') return { run: 'running', outcomes: [] };
      if (status.name !== 'COMPLETED') return { run: 'failed', outcomes: [] };
      return { run: 'completed', outcomes: (await handle.result()).outcomes };
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return { run: 'forgotten', outcomes: [] };
      throw e;
    }
  }
}
