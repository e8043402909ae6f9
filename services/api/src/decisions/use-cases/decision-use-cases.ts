import { Injectable } from '@nestjs/common';
import {
  decisionDecider,
  decisionStreamName,
  DomainRuleViolation,
  earliestDayOf,
  NotFound,
  meetingDecider,
  meetingStreamName,
  procedureDecider,
  procedureStreamName,
  schoolSettingsDecider,
  schoolStreamName,
  type AdoptDecision,
  type AssessEffectiveness,
  type CommandContext,
  type Deadline,
  type DecisionCommand,
  type DecisionState,
  type RecheckParent,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { parseDecisionDeadline, periodCalendarFor } from '@vsoko/plan-import';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { inScope, ownMeeting } from '../../meetings/use-cases/meeting-use-cases';
import { requireSchoolPeople } from '@vsoko/accounts';
import { DecisionTimers } from './decision-timers';

/** What a client sends about a new decision; the use case adds where, when and for which school. */
export type DecisionDraft = Omit<
  AdoptDecision['data'],
  'schoolId' | 'academicYear' | 'adoptedBy' | 'timeZone' | 'deadline'
> & { deadline: { asWritten?: string; parsed?: Deadline['parsed'] } };

export interface DecisionOutcome {
  decisionId: string;
  revision: number;
  position: number;
  eventTypes: string[];
  /** How the deadline as written was read, and anything the reader was unsure about. */
  deadline?: Deadline;
  warnings?: string[];
}

/**
 * A decision's use cases on the one command handler. Every id is checked against the caller's school where
 * it is loaded: the decision itself, the meeting that adopts it, each procedure it is linked to, each person
 * named to execute it.
 */
@Injectable()
export class DecisionUseCases {
  constructor(
    private readonly handler: DeciderHandler,
    private readonly timers: DecisionTimers,
  ) {}

  /** For readers: a decision of one of the schools they may read. */
  async get(decisionId: string, schools: SchoolScope) {
    const { state, revision } = await this.handler.load(decisionStreamName(decisionId), decisionDecider);
    return { ...ownDecision(state, decisionId, schools), revision };
  }

  /** Adopted at a held meeting of the school: the meeting gives the level, date, protocol number and year. */
  async adoptAtMeeting(
    meetingId: string,
    draft: DecisionDraft,
    ctx: CommandContext,
  ): Promise<DecisionOutcome> {
    const { state } = await this.handler.load(meetingStreamName(meetingId), meetingDecider);
    const meeting = ownMeeting(state, meetingId, [ctx.schoolId]);
    if (meeting.status !== 'held' && meeting.status !== 'signed') {
      throw new DomainRuleViolation(
        'MEETING_NOT_HELD',
        'Решения записываются после того, как заседание отмечено проведённым',
      );
    }
    const date = meeting.record.date;
    return this.adopt(draft, ctx, {
      academicYear: meeting.academicYear,
      timeZone: meeting.timeZone,
      adoptedBy: {
        kind: 'meeting',
        meetingId,
        level: meeting.level,
        date,
        protocolNumber: meeting.protocolNumber,
      },
      adoptedOn: earliestDayOf(date) ?? undefined,
    });
  }

  /** Adopted by the director's order, outside any meeting. */
  async adoptByOrder(
    draft: DecisionDraft,
    order: { orderNumber: string; date: string; academicYear: string; timeZone: string },
    ctx: CommandContext,
  ): Promise<DecisionOutcome> {
    return this.adopt(draft, ctx, {
      academicYear: order.academicYear,
      timeZone: order.timeZone,
      adoptedBy: { kind: 'order', orderNumber: order.orderNumber, date: order.date },
      adoptedOn: order.date,
    });
  }

  async change(decisionId: string, command: DecisionCommand, ctx: CommandContext, expectedRevision?: number) {
    const current = await this.get(decisionId, [ctx.schoolId]);
    await requireSchoolPeople(this.handler, ctx.schoolId, command.data);
    const prepared =
      command.type === 'AssessEffectiveness' && command.data.verdict === 'not-effective'
        ? await this.withRechecks(command, current.procedureIds, ctx.schoolId)
        : command;
    return this.run(decisionId, prepared, ctx, expectedRevision);
  }

  /**
   * «Не эффективно» re-checks each procedure the decision is linked to: what to repeat comes from each
   * procedure's own schedule in the log (checked to be the school's), never from the client. A cancelled
   * procedure is not repeated; a decision linked to none is only carried to the next agenda.
   */
  private async withRechecks(
    command: AssessEffectiveness,
    procedureIds: readonly string[],
    schoolId: string,
  ): Promise<AssessEffectiveness> {
    const of: RecheckParent[] = [];
    for (const procedureId of procedureIds) {
      const { state } = await this.handler.load(procedureStreamName(procedureId), procedureDecider);
      if (state.status === 'none' || state.schoolId !== schoolId) {
        throw new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не найдена`);
      }
      if (state.status === 'cancelled') continue;
      const { title, direction, indicator, object, method, resultForm, responsible } = state;
      of.push({
        procedureId,
        title,
        direction,
        responsible,
        ...(indicator !== undefined ? { indicator } : {}),
        ...(object !== undefined ? { object } : {}),
        ...(method !== undefined ? { method } : {}),
        ...(resultForm !== undefined ? { resultForm } : {}),
      });
    }
    const window = command.data.recheck?.window;
    return { ...command, data: { ...command.data, recheck: { of, ...(window ? { window } : {}) } } };
  }

  /** A new deadline, as written or parsed, read against the decision's own year and adoption. */
  async changeDeadline(
    decisionId: string,
    value: DecisionDraft['deadline'],
    reason: string,
    ctx: CommandContext,
    expectedRevision?: number,
  ): Promise<DecisionOutcome> {
    const current = await this.get(decisionId, [ctx.schoolId]);
    const by = current.adoptedBy;
    const adoptedOn = by.kind === 'meeting' ? (earliestDayOf(by.date) ?? undefined) : by.date;
    const { deadline, warnings } = await this.deadlineOf(
      value,
      ctx.schoolId,
      current.academicYear,
      adoptedOn,
    );
    const command: DecisionCommand = {
      type: 'ChangeDecisionDeadline',
      data: { decisionId, deadline, reason },
    };
    return { ...(await this.run(decisionId, command, ctx, expectedRevision)), deadline, warnings };
  }

  private async adopt(
    draft: DecisionDraft,
    ctx: CommandContext,
    where: Pick<AdoptDecision['data'], 'academicYear' | 'timeZone' | 'adoptedBy'> & { adoptedOn?: string },
  ): Promise<DecisionOutcome> {
    for (const procedureId of draft.procedureIds) {
      const { state } = await this.handler.load(procedureStreamName(procedureId), procedureDecider);
      if (state.status === 'none' || state.schoolId !== ctx.schoolId) {
        throw new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не найдена`);
      }
    }
    await requireSchoolPeople(this.handler, ctx.schoolId, draft.executors);
    const { deadline, warnings } = await this.deadlineOf(
      draft.deadline,
      ctx.schoolId,
      where.academicYear,
      where.adoptedOn,
    );
    const { adoptedOn: _a, ...place } = where;
    const command: AdoptDecision = {
      type: 'AdoptDecision',
      data: { ...draft, ...place, schoolId: ctx.schoolId, deadline },
    };
    const outcome = await this.run(draft.decisionId, command, ctx);
    return { ...outcome, deadline, warnings };
  }

  /**
   * The text as written is read by the deadline parser unless the client gives the parsed form itself; terms
   * («в течение года», «до конца четверти») are the school's own for the year, or the shipped default (ADR 0016).
   */
  async deadlineOf(
    value: DecisionDraft['deadline'],
    schoolId: string,
    academicYear: string,
    adoptedOn?: string,
  ): Promise<{ deadline: Deadline; warnings: string[] }> {
    if (value.parsed) {
      const deadline: Deadline = value.asWritten
        ? { asWritten: value.asWritten, parsed: value.parsed }
        : { parsed: value.parsed };
      return { deadline, warnings: [] };
    }
    const { state } = await this.handler.load(schoolStreamName(schoolId), schoolSettingsDecider);
    const calendar = periodCalendarFor(academicYear, state.calendars?.[academicYear]?.calendar);
    const read = parseDecisionDeadline(value.asWritten ?? '', {
      academicYear,
      ...(adoptedOn ? { adoptedOn } : {}),
      ...(calendar ? { calendar } : {}),
    });
    return { deadline: read.deadline, warnings: read.warnings };
  }

  private async run(
    decisionId: string,
    command: DecisionCommand,
    ctx: CommandContext,
    expectedRevision?: number,
  ) {
    const result = await this.handler.handle(decisionStreamName(decisionId), decisionDecider, command, ctx, {
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    });
    if (result.events.length > 0 || result.replayed) await this.timers.changed(decisionId);
    return {
      decisionId,
      revision: result.revision,
      position: result.position,
      eventTypes: result.events.map((e) => e.type),
    };
  }
}

export function ownDecision(state: DecisionState, decisionId: string, schools: SchoolScope) {
  if (state.status === 'none' || !inScope(schools, state.schoolId)) {
    throw new NotFound('DECISION_NOT_FOUND', `Решение ${decisionId} не найдено`);
  }
  return state;
}
