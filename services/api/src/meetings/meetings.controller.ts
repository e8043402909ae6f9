import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@vsoko/domain';
import { CurrentActor, CurrentSchool } from '../auth/actor.decorator';
import { ReadableSchools, type SchoolScope } from '../auth/readable-schools.decorator';
import type { Clock, IdGenerator } from '../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../infrastructure/tokens';
import { AddAgendaItemDto, ReasonDto, ReorderAgendaDto } from './dto/agenda-change.dto';
import { CorrectMeetingDto, MeetingRecordDto, SignProtocolDto } from './dto/hold-meeting.dto';
import { PlanMeetingDto } from './dto/plan-meeting.dto';
import { idOf, writeOf } from './request';
import { AgendaProposal } from './use-cases/agenda-proposal';
import { MeetingUseCases } from './use-cases/meeting-use-cases';

/** Meetings (педсовет, методсовет, заседание ШМО …): planning, agenda, holding, protocol. */
@ApiTags('Заседания')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingUseCases,
    private readonly proposal: AgendaProposal,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Запланировать заседание; без повестки она предлагается автоматически' })
  async plan(
    @Body() body: PlanMeetingDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const { ctx } = writeOf(actor, school, h, this.clock, this.ids);
    const agenda = body.agenda
      ? body.agenda.map((i) => i.toDomain())
      : await this.proposal.propose(school, body.level, body.id);
    return this.meetings.plan(body.toCommand(school, agenda), ctx);
  }

  @Get(':meetingId')
  @ApiOperation({ summary: 'Заседание: повестка, протокол, исправления' })
  get(@Param('meetingId') id: string, @ReadableSchools() schools: SchoolScope) {
    return this.meetings.get(idOf(id, 'заседания'), schools);
  }

  @Post(':meetingId/agenda/items')
  @HttpCode(200)
  @ApiOperation({ summary: 'Дополнить повестку (с причиной)' })
  addItem(
    @Param('meetingId') id: string,
    @Body() body: AddAgendaItemDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const meetingId = idOf(id, 'заседания');
    const { ctx, expectedRevision } = writeOf(actor, school, h, this.clock, this.ids);
    const command = {
      type: 'AddAgendaItem' as const,
      data: {
        meetingId,
        item: body.item.toDomain(),
        ...(body.position !== undefined ? { position: body.position - 1 } : {}),
        reason: body.reason,
      },
    };
    return this.meetings.change(meetingId, command, ctx, expectedRevision);
  }

  @Post(':meetingId/agenda/items/:itemId/removal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Исключить вопрос из повестки (с причиной)' })
  removeItem(
    @Param('meetingId') id: string,
    @Param('itemId') itemId: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const meetingId = idOf(id, 'заседания');
    const { ctx, expectedRevision } = writeOf(actor, school, h, this.clock, this.ids);
    const command = {
      type: 'RemoveAgendaItem' as const,
      data: { meetingId, itemId: idOf(itemId, 'вопроса'), reason: body.reason },
    };
    return this.meetings.change(meetingId, command, ctx, expectedRevision);
  }

  @Post(':meetingId/agenda/order')
  @HttpCode(200)
  @ApiOperation({ summary: 'Изменить порядок вопросов повестки (с причиной)' })
  reorder(
    @Param('meetingId') id: string,
    @Body() body: ReorderAgendaDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const meetingId = idOf(id, 'заседания');
    const { ctx, expectedRevision } = writeOf(actor, school, h, this.clock, this.ids);
    const command = {
      type: 'ReorderAgenda' as const,
      data: { meetingId, order: body.order, reason: body.reason },
    };
    return this.meetings.change(meetingId, command, ctx, expectedRevision);
  }

  @Post(':meetingId/held')
  @HttpCode(200)
  @ApiOperation({ summary: 'Отметить заседание проведённым: номер протокола присваивается по порядку' })
  hold(
    @Param('meetingId') id: string,
    @Body() body: MeetingRecordDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const { ctx, expectedRevision } = writeOf(actor, school, h, this.clock, this.ids);
    return this.meetings.hold(idOf(id, 'заседания'), body.toRecord(), ctx, expectedRevision);
  }

  @Post(':meetingId/corrections')
  @HttpCode(200)
  @ApiOperation({ summary: 'Исправить запись о проведённом заседании (с причиной)' })
  correct(
    @Param('meetingId') id: string,
    @Body() body: CorrectMeetingDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const meetingId = idOf(id, 'заседания');
    const { ctx, expectedRevision } = writeOf(actor, school, h, this.clock, this.ids);
    const command = {
      type: 'CorrectMeeting' as const,
      data: { meetingId, correction: body.correction.toRecord(), reason: body.reason },
    };
    return this.meetings.change(meetingId, command, ctx, expectedRevision);
  }

  @Post(':meetingId/signature')
  @HttpCode(200)
  @ApiOperation({ summary: 'Протокол подписан' })
  sign(
    @Param('meetingId') id: string,
    @Body() body: SignProtocolDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const meetingId = idOf(id, 'заседания');
    const { ctx, expectedRevision } = writeOf(actor, school, h, this.clock, this.ids);
    const command = { type: 'SignProtocol' as const, data: { meetingId, signedOn: body.signedOn } };
    return this.meetings.change(meetingId, command, ctx, expectedRevision);
  }

  @Post(':meetingId/cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Отменить запланированное заседание (с причиной)' })
  cancel(
    @Param('meetingId') id: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const meetingId = idOf(id, 'заседания');
    const { ctx, expectedRevision } = writeOf(actor, school, h, this.clock, this.ids);
    const command = { type: 'CancelMeeting' as const, data: { meetingId, reason: body.reason } };
    return this.meetings.change(meetingId, command, ctx, expectedRevision);
  }
}
