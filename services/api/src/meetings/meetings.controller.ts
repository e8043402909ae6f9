import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@vsoko/domain';
import { CurrentActor, CurrentSchool } from '../auth/actor.decorator';
import { ReadableSchools, type SchoolScope } from '../auth/readable-schools.decorator';
import type { Clock, IdGenerator } from '../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../infrastructure/tokens';
import { idOf, writeOf } from '../shared/request-context';
import { mountRoutes, type RouteRequest } from '../shared/route-table';
import { CorrectMeetingDto } from './correct-meeting/correct-meeting.dto';
import { CorrectMeetingRecord } from './correct-meeting/correct-meeting';
import { MeetingRecordDto } from './dto/hold-meeting.dto';
import { PlanMeetingDto } from './dto/plan-meeting.dto';
import { ListMeetingsDto } from './list-meetings/list-meetings.dto';
import { ListMeetings } from './list-meetings/list-meetings';
import { MEETING_ROUTES, type MeetingRoute } from './meeting-routes';
import { AgendaProposal } from './use-cases/agenda-proposal';
import { DiscussionOutcomes } from './use-cases/discussion-outcomes';
import { MeetingUseCases } from './use-cases/meeting-use-cases';

/**
 * Meetings (педсовет, методсовет, заседание ШМО …): planning, agenda, holding, protocol and its corrections. The
 * agenda changes, signing and cancelling are the rows of MEETING_ROUTES, mounted below.
 */
@ApiTags('Заседания')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingUseCases,
    private readonly proposal: AgendaProposal,
    private readonly list: ListMeetings,
    private readonly outcomes: DiscussionOutcomes,
    private readonly corrections: CorrectMeetingRecord,
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

  @Get()
  @ApiOperation({
    summary: 'Заседания школы: учебный год, статус, уровень; постранично (page или cursor)',
  })
  meetingsOf(@Query() query: ListMeetingsDto, @ReadableSchools() schools: SchoolScope) {
    return this.list.list(query, schools);
  }

  @Get(':meetingId')
  @ApiOperation({ summary: 'Заседание: повестка, протокол, исправления' })
  get(@Param('meetingId') id: string, @ReadableSchools() schools: SchoolScope) {
    return this.meetings.get(idOf(id, 'заседания'), schools);
  }

  @Get(':meetingId/discussions')
  @ApiOperation({
    summary:
      'Какие процедуры повестки получили этап «обсуждено» от этого заседания, а какие отказали (с кодом и причиной)',
  })
  discussions(@Param('meetingId') id: string, @ReadableSchools() schools: SchoolScope) {
    return this.outcomes.of(idOf(id, 'заседания'), schools);
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
  @ApiOperation({
    summary:
      'Исправить протокол проведённого заседания (с причиной): запись заседания и принятые на нём решения',
  })
  correct(
    @Param('meetingId') id: string,
    @Body() body: CorrectMeetingDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    const { ctx, expectedRevision } = writeOf(actor, school, h, this.clock, this.ids);
    return this.corrections.correct(idOf(id, 'заседания'), body, ctx, expectedRevision);
  }

  /** Every row of MEETING_ROUTES: a command on an existing meeting of the caller's school. */
  change({ route, params, body, actor, school, headers }: RouteRequest<MeetingRoute>) {
    const meetingId = idOf(params.meetingId, 'заседания');
    const { ctx, expectedRevision } = writeOf(actor, school, headers, this.clock, this.ids);
    const command = route.command(meetingId, body, params);
    return this.meetings.change(meetingId, command, ctx, expectedRevision);
  }
}

mountRoutes(MeetingsController, MEETING_ROUTES, function (request) {
  return this.change(request);
});
