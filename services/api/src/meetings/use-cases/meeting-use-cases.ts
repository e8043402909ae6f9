import { Injectable } from '@nestjs/common';
import {
  meetingDecider,
  meetingStreamName,
  NotFound,
  protocolNumberOf,
  protocolRegisterDecider,
  protocolRegisterStreamName,
  type CommandContext,
  type DecisionCorrectionNote,
  type MeetingCommand,
  type MeetingCorrected,
  type MeetingRecord,
  type MeetingState,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { requireSchoolPeople } from '@vsoko/accounts';
import { requireOwnSubjects } from './agenda-subjects';
import { MeetingDiscussions } from './meeting-discussions';

/** One correction of a held meeting, newest last: from the meeting's stream, with its event's actor and time. */
export interface CorrectionLogEntry {
  at: string;
  by: { id: string; name?: string };
  reason: string;
  correctedOn?: string;
  correction: Partial<MeetingRecord>;
  previous: Partial<MeetingRecord>;
  decisions: DecisionCorrectionNote[];
}

export interface MeetingOutcome {
  meetingId: string;
  revision: number;
  position: number;
  eventTypes: string[];
  protocolNumber?: number;
}

/**
 * The meeting's use cases on the one command handler. Each checks that the meeting it loads belongs to the
 * caller's school (an unknown and a foreign meeting answer alike, 404), and so does every person it names as
 * chair, secretary or participant, before the domain sees the command.
 */
@Injectable()
export class MeetingUseCases {
  constructor(
    private readonly handler: DeciderHandler,
    private readonly discussions: MeetingDiscussions,
  ) {}

  /**
   * For readers: a meeting of one of the schools they may read (an inspector reads the district's), with its
   * corrections as the log has them: who made each, when, why, and what the record said before.
   */
  async get(
    meetingId: string,
    schools: SchoolScope,
  ): Promise<
    Exclude<MeetingState, { status: 'none' }> & { revision: number; correctionLog: CorrectionLogEntry[] }
  > {
    const { state, revision, recorded } = await this.handler.load(
      meetingStreamName(meetingId),
      meetingDecider,
    );
    const correctionLog = recorded.flatMap((e): CorrectionLogEntry[] => {
      if (e.type !== 'MeetingCorrected') return [];
      const data = e.data as MeetingCorrected['data'];
      const { actor, occurredAt } = e.metadata;
      return [
        {
          at: occurredAt,
          by: { id: actor.id, ...(actor.name ? { name: actor.name } : {}) },
          reason: data.reason,
          ...(data.correctedOn ? { correctedOn: data.correctedOn } : {}),
          correction: data.correction,
          previous: data.previous,
          decisions: data.decisions ?? [],
        },
      ];
    });
    return { ...ownMeeting(state, meetingId, schools), revision, correctionLog };
  }

  async plan(
    command: Extract<MeetingCommand, { type: 'PlanMeeting' }>,
    ctx: CommandContext,
  ): Promise<MeetingOutcome> {
    await requireOwnSubjects(this.handler, ctx.schoolId, command.data.agenda ?? []);
    await requireSchoolPeople(this.handler, ctx.schoolId, command.data);
    return this.run(command.data.meetingId, command, ctx);
  }

  /** Agenda changes, corrections, signing, cancelling: commands on an existing meeting of the school. */
  async change(meetingId: string, command: MeetingCommand, ctx: CommandContext, expectedRevision?: number) {
    await this.get(meetingId, [ctx.schoolId]);
    if (command.type === 'AddAgendaItem')
      await requireOwnSubjects(this.handler, ctx.schoolId, [command.data.item]);
    await requireSchoolPeople(this.handler, ctx.schoolId, command.data);
    return this.run(meetingId, command, ctx, expectedRevision);
  }

  /**
   * Holding takes the next protocol number of the school's register for the level and year. The command is
   * decided first with a stand-in number, so a refused holding never takes a number (no gaps); a retry of the
   * same meeting gets the number it was given before. Once held, a durable run gives every procedure on the
   * agenda its discussed stage from this one meeting (workflows/meeting).
   */
  async hold(
    meetingId: string,
    record: Partial<MeetingRecord>,
    ctx: CommandContext,
    expectedRevision?: number,
  ) {
    const loaded = await this.handler.load(meetingStreamName(meetingId), meetingDecider);
    const meeting = ownMeeting(loaded.state, meetingId, [ctx.schoolId]);
    await requireSchoolPeople(this.handler, ctx.schoolId, record);
    const hold = (protocolNumber: number): MeetingCommand => ({
      type: 'HoldMeeting',
      data: {
        meetingId,
        protocolNumber,
        date: record.date ?? meeting.date,
        ...(record.chair ? { chair: record.chair } : {}),
        ...(record.secretary ? { secretary: record.secretary } : {}),
        participants: record.participants ?? [],
        minutes: record.minutes ?? [],
      },
    });
    meetingDecider.decide(hold(1), loaded.state, ctx);
    const key = { schoolId: meeting.schoolId, level: meeting.level, academicYear: meeting.academicYear };
    const register = await this.handler.handle(
      protocolRegisterStreamName(key),
      protocolRegisterDecider,
      { type: 'AssignProtocolNumber', data: { ...key, meetingId } },
      { ...ctx, commandId: `${ctx.commandId}:protocol` },
      { retries: 10 },
    );
    const protocolNumber = protocolNumberOf(register.state, meetingId)!;
    const outcome = await this.run(meetingId, hold(protocolNumber), ctx, expectedRevision);
    await this.discussions.held(meetingId);
    return { ...outcome, protocolNumber };
  }

  private async run(
    meetingId: string,
    command: MeetingCommand,
    ctx: CommandContext,
    expectedRevision?: number,
  ) {
    const result = await this.handler.handle(meetingStreamName(meetingId), meetingDecider, command, ctx, {
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    });
    return {
      meetingId,
      revision: result.revision,
      position: result.position,
      eventTypes: result.events.map((e) => e.type),
    };
  }
}

/** An unknown meeting and another school's answer alike: 404, so ids reveal nothing. */
export function ownMeeting(state: MeetingState, meetingId: string, schools: SchoolScope) {
  if (state.status === 'none' || !inScope(schools, state.schoolId)) {
    throw new NotFound('MEETING_NOT_FOUND', `Заседание ${meetingId} не найдено`);
  }
  return state;
}

export function inScope(schools: SchoolScope, schoolId: string): boolean {
  return schools === 'any' || schools.includes(schoolId);
}
