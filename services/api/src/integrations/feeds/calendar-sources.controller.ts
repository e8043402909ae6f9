import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, ValidationFailed } from '@vsoko/domain';
import { Allow } from '../../auth/access.decorators';
import type { Principal } from '@vsoko/accounts';
import { CurrentActor, CurrentPrincipal, CurrentSchool } from '../../auth/actor.decorator';
import { ID_PATTERN } from '../../shared/ids';
import { ListCalendarSources } from '../list-sources/list-calendar-sources';
import { PreviewCalendarFeed } from '../preview-feed/preview-calendar-feed';
import { CreateIntegrationDto, PreviewFeedDto, SubscribeFeedDto, UploadFileDto } from '../shared/dto';
import { CalendarSourcesService } from './calendar-sources.service';

@ApiTags('Интеграции с календарями')
@Allow('director', 'deputy')
@Controller('integrations/calendar')
export class CalendarSourcesController {
  constructor(
    private readonly sources: CalendarSourcesService,
    private readonly listing: ListCalendarSources,
    private readonly previews: PreviewCalendarFeed,
  ) {}

  @Get('sources')
  @ApiOperation({
    summary:
      'Календари школы: интеграции, их календари по адресу, файлы и webhook — последний опрос, его итог или ошибка, сколько событий стали процедурами; секреты адресов скрыты',
  })
  list(@CurrentActor() actor: Actor, @CurrentSchool() school: string) {
    return this.listing.list(actor, school);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Предпросмотр календаря до подписки: какие события станут процедурами, какие будут отменены или пропущены; ничего не сохраняется',
  })
  preview(@Body() body: PreviewFeedDto, @CurrentActor() actor: Actor, @CurrentSchool() school: string) {
    return this.previews.preview(body, actor, school);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Создать интеграцию школы с календарём; секрет для подписи webhook выдаётся один раз',
  })
  create(@Body() body: CreateIntegrationDto, @CurrentPrincipal() principal: Principal) {
    return this.sources.createIntegration(body, principal);
  }

  @Delete(':integrationId')
  @ApiOperation({
    summary:
      'Удалить интеграцию: её календари больше не опрашиваются, webhook не принимается; история остаётся в журнале',
  })
  remove(@Param('integrationId') id: string, @CurrentActor() actor: Actor, @CurrentSchool() school: string) {
    return this.sources.removeIntegration(checkId(id), actor, school);
  }

  @Post(':integrationId/feeds')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Подписаться на календарь по адресу (опрос по расписанию) или загрузить .ics-файл',
  })
  subscribe(
    @Param('integrationId') id: string,
    @Body() body: SubscribeFeedDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
  ) {
    return this.sources.subscribe(checkId(id), body, actor, school);
  }

  @Put('feeds/:feedId/file')
  @HttpCode(202)
  @ApiOperation({ summary: 'Заменить загруженный .ics-файл новой версией' })
  replaceFile(
    @Param('feedId') id: string,
    @Body() body: UploadFileDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
  ) {
    return this.sources.replaceFile(checkId(id), body.ics, actor, school);
  }

  @Delete('feeds/:feedId')
  @ApiOperation({
    summary:
      'Отключить календарь: расписание опроса удаляется, запланированные процедуры остаются; история — в журнале',
  })
  removeFeed(@Param('feedId') id: string, @CurrentActor() actor: Actor, @CurrentSchool() school: string) {
    return this.sources.removeFeed(checkId(id), actor, school);
  }

  @Get('feeds/:feedId')
  @ApiOperation({ summary: 'Состояние календаря: последний опрос, его итог или ошибка, расписание' })
  status(@Param('feedId') id: string, @CurrentActor() actor: Actor, @CurrentSchool() school: string) {
    return this.sources.status(checkId(id), actor, school);
  }

  @Post('feeds/:feedId/poll')
  @HttpCode(200)
  @ApiOperation({ summary: 'Опросить календарь сейчас и дождаться итога' })
  async poll(@Param('feedId') id: string, @CurrentActor() actor: Actor, @CurrentSchool() school: string) {
    await this.sources.status(checkId(id), actor, school);
    return this.sources.pollNow(id);
  }
}

function checkId(id: string): string {
  if (!ID_PATTERN.test(id)) throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор');
  return id;
}
