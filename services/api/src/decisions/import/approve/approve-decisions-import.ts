import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import {
  decisionDecider,
  decisionStreamName,
  meetingDecider,
  meetingStreamName,
  Conflict,
  VsokoError,
  type CommandContext,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock } from '../../../infrastructure/clock';
import { CLOCK } from '../../../infrastructure/tokens';
import { MeetingUseCases } from '../../../meetings/use-cases/meeting-use-cases';
import { headerKey } from '../../../shared/request-context';
import { DecisionUseCases } from '../../use-cases/decision-use-cases';
import { DecisionsImportStore } from '../decisions-import-store';
import { requireImporterOf, type DecisionsImportPreview } from '../decisions-import-preview';

export interface DecisionsImportApproval {
  importId: string;
  schoolId: string;
  academicYear: string;
  /** Written by this approval, and found already in the log (an earlier approval, the CLI). */
  meetings: { recorded: number; already: number };
  decisions: { recorded: number; already: number; skipped: number };
  /** Records the domain refused, with its code; the others are written all the same. */
  failed: Array<{ row: number; meetingId: string; decisionId?: string; code: string; message: string }>;
  /** The log position of the last write (0 when nothing was written): reads may wait for it. */
  position: number;
}

type Meeting = DecisionsImportPreview['meetings'][number];

/**
 * Step two: each meeting of the stored preview is planned, held (its protocol number from the school's register)
 * and given its decisions through the meetings' and decisions' own use cases, so every rule and school check of
 * the hand-entered path applies. Command ids come from the report (importedRecords), and a record already in the
 * log is not written again: approving twice, after a failure, or after the CLI wrote the same report, adds
 * nothing twice. Decisions entered after their deadline raise no lateness (the decision's own rule).
 */
@Injectable()
export class ApproveDecisionsImport {
  constructor(
    private readonly store: DecisionsImportStore,
    private readonly handler: DeciderHandler,
    private readonly meetings: MeetingUseCases,
    private readonly decisions: DecisionUseCases,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async approve(
    importId: string,
    principal: Principal,
    correlationId?: string,
  ): Promise<DecisionsImportApproval> {
    const { preview } = await this.store.getFor(importId, principal);
    const actor = requireImporterOf(principal, preview.schoolId);
    const correlation = headerKey(correlationId, 'X-Correlation-Id') ?? `decisions-import-${importId}`;
    const result: DecisionsImportApproval = {
      importId,
      schoolId: preview.schoolId,
      academicYear: preview.academicYear,
      meetings: { recorded: 0, already: 0 },
      decisions: { recorded: 0, already: 0, skipped: 0 },
      failed: [],
      position: 0,
    };
    const ctxOf = (commandId: string): CommandContext => ({
      commandId,
      actor,
      issuedAt: this.clock.now().toISOString(),
      correlationId: correlation,
      causationId: commandId,
      schoolId: preview.schoolId,
    });
    for (const meeting of preview.meetings) {
      result.decisions.skipped += meeting.skipped.length;
      try {
        await this.recordMeeting(meeting, preview, ctxOf, result);
      } catch (e) {
        if (!(e instanceof VsokoError)) throw e;
        result.failed.push({
          row: meeting.row,
          meetingId: meeting.meetingId,
          code: e.code,
          message: e.message,
        });
        continue;
      }
      for (const decision of meeting.decisions) {
        try {
          const { state } = await this.handler.load(decisionStreamName(decision.decisionId), decisionDecider);
          if (state.status !== 'none') {
            if (state.schoolId !== preview.schoolId) throw idTaken(decision.decisionId);
            result.decisions.already++;
            continue;
          }
          const adopted = await this.decisions.adoptAtMeeting(
            meeting.meetingId,
            {
              decisionId: decision.decisionId,
              number: decision.number,
              wording: decision.wording,
              procedureIds: [],
              executors: decision.executors,
              scope: {},
              deadline: decision.deadline,
              evidenceRequired: false,
            },
            ctxOf(decision.adoptCommandId),
          );
          result.decisions.recorded++;
          result.position = Math.max(result.position, adopted.position);
        } catch (e) {
          if (!(e instanceof VsokoError)) throw e;
          result.failed.push({
            row: decision.row,
            meetingId: meeting.meetingId,
            decisionId: decision.decisionId,
            code: e.code,
            message: e.message,
          });
        }
      }
    }
    return result;
  }

  /** Planned and held as the CLI does it; a meeting already held is left as it is. */
  private async recordMeeting(
    meeting: Meeting,
    preview: DecisionsImportPreview,
    ctxOf: (commandId: string) => CommandContext,
    result: DecisionsImportApproval,
  ): Promise<void> {
    const { state } = await this.handler.load(meetingStreamName(meeting.meetingId), meetingDecider);
    if (state.status !== 'none' && state.schoolId !== preview.schoolId) throw idTaken(meeting.meetingId);
    if (state.status === 'none') {
      const planned = await this.meetings.plan(
        {
          type: 'PlanMeeting',
          data: {
            meetingId: meeting.meetingId,
            schoolId: preview.schoolId,
            academicYear: meeting.academicYear,
            level: meeting.level,
            ...(meeting.association ? { association: meeting.association } : {}),
            ...(meeting.title ? { title: meeting.title } : {}),
            date: meeting.date,
            timeZone: preview.timeZone,
            agenda: meeting.agenda,
          },
        },
        ctxOf(meeting.planCommandId),
      );
      result.position = Math.max(result.position, planned.position);
    }
    if (state.status === 'none' || state.status === 'planned') {
      const held = await this.meetings.hold(meeting.meetingId, {}, ctxOf(meeting.heldCommandId));
      result.meetings.recorded++;
      result.position = Math.max(result.position, held.position);
    } else {
      result.meetings.already++;
    }
  }
}

/** Ids are cut to 64 characters: a very long school id could meet another school's record under the same id. */
function idTaken(id: string): Conflict {
  return new Conflict('IMPORT_ID_TAKEN', `Идентификатор ${id} уже занят: запишите это заседание вручную`);
}
