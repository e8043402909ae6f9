import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@vsoko/domain';
import { IsNotEmpty, Matches } from 'class-validator';
import { Allow, Public } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { checkId, checkPersonId, ID_PATTERN } from '../shared/ids';
import { FeedBuilderService } from './feed-builder.service';
import { FeedTokensService } from './feed-tokens.service';

export class PersonTokenDto {
  @IsNotEmpty({ message: 'укажите школу' })
  @Matches(ID_PATTERN, { message: 'идентификатор школы: латинские буквы, цифры, _ и -' })
  schoolId!: string;
}

@ApiTags('Календари сроков (iCalendar)')
@Controller('calendar')
export class CalendarFeedsController {
  constructor(
    private readonly tokens: FeedTokensService,
    private readonly feeds: FeedBuilderService,
  ) {}

  @Post('schools/:schoolId/tokens')
  @Allow('director', 'deputy')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Ссылка на календарь сроков школы для Google, Outlook, Яндекса (показывается один раз)',
  })
  async schoolToken(@Param('schoolId') schoolId: string, @CurrentActor() actor: Actor) {
    const token = await this.tokens.issue({ kind: 'school', schoolId: checkId(schoolId) }, actor);
    return { token, path: `/calendar/schools/${schoolId}.ics?token=${token}` };
  }

  @Post('people/:personId/tokens')
  @HttpCode(201)
  @ApiOperation({ summary: 'Ссылка на личный календарь сроков сотрудника (показывается один раз)' })
  async personToken(
    @Param('personId') personId: string,
    @Body() body: PersonTokenDto,
    @CurrentActor() actor: Actor,
  ) {
    const scope = { kind: 'person' as const, personId: checkPersonId(personId), schoolId: body.schoolId };
    const token = await this.tokens.issue(scope, actor);
    return { token, path: `/calendar/people/${personId}.ics?token=${token}` };
  }

  // Calendar clients cannot sign in: the token in the address is the credential.
  @Get('schools/:schoolId.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'Сроки процедур и решений школы (iCalendar)' })
  async school(@Param('schoolId') schoolId: string, @Query('token') token?: string) {
    await this.tokens.verify(token, { kind: 'school', id: schoolId });
    return this.feeds.schoolFeed(schoolId);
  }

  @Get('people/:personId.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'Сроки, за которые отвечает сотрудник (iCalendar)' })
  async person(@Param('personId') personId: string, @Query('token') token?: string) {
    const scope = await this.tokens.verify(token, { kind: 'person', id: personId });
    return this.feeds.personFeed(scope.schoolId, personId);
  }
}
