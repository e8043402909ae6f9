import { Injectable } from '@nestjs/common';
import {
  Conflict,
  decisionDecider,
  DomainRuleViolation,
  decisionStreamName,
  earliestDayOf,
  meetingDecider,
  meetingStreamName,
  type CommandContext,
  type CorrectMeeting,
  type DecisionCommand,
  type DecisionCorrectionField,
  type DecisionCorrectionNote,
  type HeldMeeting,
  type SignedMeeting,
} from '@vsoko/domain';
import { DeciderHandler, deterministicEventId } from '@vsoko/event-sourcing';
import { DecisionUseCases, ownDecision } from '../../decisions/use-cases/decision-use-cases';
import { ownMeeting } from '../use-cases/meeting-use-cases';
import type { CorrectMeetingDto, DecisionCorrectionDto } from './correct-meeting.dto';
import { requireSchoolPeople } from '@vsoko/accounts';

export interface CorrectionOutcome {
  meetingId: string;
  revision: number;
  position: number;
  eventTypes: string[];
  /** What each decision's own stream recorded under this correction. */
  decisions: Array<{ decisionId: string; eventTypes: string[] }>;
}

interface DecisionStep {
  decisionId: string;
  field: DecisionCorrectionField;
  command: DecisionCommand;
  ctx: CommandContext;
  /** It records something now, or recorded it under this command id before. */
  changes: boolean;
}

/**
 * `POST /meetings/:id/corrections`: a held meeting's protocol put right, never edited in place (ADR 0017). The
 * record's fields go on the meeting's stream as one MeetingCorrected; a decision's wording, deadline or
 * responsible go on the decision's own stream (DecisionWordingCorrected, DecisionDeadlineChanged,
 * DecisionReassigned), under command ids derived from this one, with the same correlation. Every command is
 * decided before anything is written, so a refusal changes nothing anywhere; a retry with the same
 * Idempotency-Key finds each write it made and adds none (and finishes an interrupted one).
 */
@Injectable()
export class CorrectMeetingRecord {
  constructor(
    private readonly handler: DeciderHandler,
    private readonly decisionUseCases: DecisionUseCases,
  ) {}

  async correct(
    meetingId: string,
    body: CorrectMeetingDto,
    ctx: CommandContext,
    expectedRevision?: number,
  ): Promise<CorrectionOutcome> {
    const stream = meetingStreamName(meetingId);
    const loaded = await this.handler.load(stream, meetingDecider);
    const meeting = ownMeeting(loaded.state, meetingId, [ctx.schoolId]);
    const replay = wroteBefore(loaded.recorded, stream, ctx.commandId);
    if (!replay && expectedRevision !== undefined && expectedRevision !== loaded.revision) {
      throw new Conflict(
        'REVISION_MISMATCH',
        `Протокол изменился: ожидалась версия ${expectedRevision}, текущая ${loaded.revision}. Обновите страницу`,
        { expected: expectedRevision, current: loaded.revision },
      );
    }
    const correction = body.correction?.toCorrection() ?? {};
    const asked = body.decisions ?? [];
    await requireSchoolPeople(this.handler, ctx.schoolId, [
      correction,
      asked.map((d) => d.executors?.toDomain()),
    ]);
    const steps =
      meeting.status === 'held' || meeting.status === 'signed'
        ? await this.decisionSteps(meeting, asked, body.reason, ctx)
        : [];
    const command: CorrectMeeting = {
      type: 'CorrectMeeting',
      data: {
        meetingId,
        correction,
        reason: body.reason,
        ...(asked.length > 0 ? { decisions: notesOf(steps) } : {}),
      },
    };
    // The meeting's own rules (status, who, reason, the protocol's decisions) refuse before any decision is written.
    if (!replay) meetingDecider.decide(command, loaded.state, ctx);
    const decisions: CorrectionOutcome['decisions'] = [];
    let position = 0;
    for (const step of steps.filter((s) => s.changes)) {
      const outcome = await this.decisionUseCases.change(step.decisionId, step.command, step.ctx);
      position = Math.max(position, outcome.position);
      const seen = decisions.find((d) => d.decisionId === step.decisionId);
      if (seen) seen.eventTypes.push(...outcome.eventTypes);
      else decisions.push({ decisionId: step.decisionId, eventTypes: [...outcome.eventTypes] });
    }
    const result = await this.handler.handle(stream, meetingDecider, command, ctx, {
      ...(expectedRevision !== undefined && !replay ? { expectedRevision } : {}),
    });
    return {
      meetingId,
      revision: result.revision,
      position: Math.max(position, result.position),
      eventTypes: result.events.map((e) => e.type),
      decisions,
    };
  }

  /**
   * Each decision of this meeting's protocol, of the caller's school, and the command of its own stream per
   * field, decided now on its stream: a refusal (an executed decision's responsible, a deadline before the
   * meeting …) answers before anything is written.
   */
  private async decisionSteps(
    meeting: HeldMeeting | SignedMeeting,
    asked: readonly DecisionCorrectionDto[],
    reason: string,
    ctx: CommandContext,
  ): Promise<DecisionStep[]> {
    const because = `Исправление протокола № ${meeting.protocolNumber}: ${reason}`;
    const steps: DecisionStep[] = [];
    for (const item of asked) {
      const { decisionId } = item;
      const stream = decisionStreamName(decisionId);
      const loaded = await this.handler.load(stream, decisionDecider);
      const decision = ownDecision(loaded.state, decisionId, [ctx.schoolId]);
      if (decision.adoptedBy.kind !== 'meeting' || decision.adoptedBy.meetingId !== meeting.meetingId) {
        throw new DomainRuleViolation(
          'DECISION_NOT_IN_PROTOCOL',
          `Решение ${decisionId} принято не на этом заседании`,
          { decisionId },
        );
      }
      const commands: Array<[DecisionCorrectionField, DecisionCommand]> = [];
      if (item.wording !== undefined) {
        commands.push([
          'wording',
          { type: 'CorrectDecisionWording', data: { decisionId, wording: item.wording, reason: because } },
        ]);
      }
      if (item.deadline !== undefined) {
        const by = decision.adoptedBy;
        const { deadline } = await this.decisionUseCases.deadlineOf(
          item.deadline.toDraft(),
          decision.schoolId,
          decision.academicYear,
          earliestDayOf(by.date) ?? undefined,
        );
        commands.push([
          'deadline',
          { type: 'ChangeDecisionDeadline', data: { decisionId, deadline, reason: because } },
        ]);
      }
      if (item.executors !== undefined) {
        commands.push([
          'executors',
          {
            type: 'ReassignDecision',
            data: { decisionId, executors: item.executors.toDomain(), reason: because },
          },
        ]);
      }
      let state = loaded.state;
      for (const [field, command] of commands) {
        const own: CommandContext = {
          ...ctx,
          commandId: `${ctx.commandId}:${decisionId}:${field}`,
          causationId: ctx.commandId,
        };
        const before = wroteBefore(loaded.recorded, stream, own.commandId);
        const events = before ? [] : decisionDecider.decide(command, state, own);
        state = events.reduce(decisionDecider.evolve, state);
        steps.push({ decisionId, field, command, ctx: own, changes: before || events.length > 0 });
      }
    }
    return steps;
  }
}

function wroteBefore(recorded: ReadonlyArray<{ id: string }>, stream: string, commandId: string): boolean {
  const first = deterministicEventId(stream, commandId, 0);
  return recorded.some((e) => e.id === first);
}

function notesOf(steps: readonly DecisionStep[]): DecisionCorrectionNote[] {
  const notes: DecisionCorrectionNote[] = [];
  for (const step of steps.filter((s) => s.changes)) {
    const note = notes.find((n) => n.decisionId === step.decisionId);
    if (note) note.fields.push(step.field);
    else notes.push({ decisionId: step.decisionId, fields: [step.field] });
  }
  return notes;
}
