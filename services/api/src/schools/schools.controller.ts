import { Body, Controller, Get, Headers, Inject, Param, Put } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@vsoko/domain';
import { Allow } from '../auth/access.decorators';
import { CurrentActor, CurrentSchool } from '../auth/actor.decorator';
import type { Clock, IdGenerator } from '../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../infrastructure/tokens';
import { commandContext } from '../shared/request-context';
import { checkId } from '../shared/ids';
import { ReminderSettingsDto } from './reminder-settings.dto';
import { SchoolSettings } from './school-settings.service';

@ApiTags('Школа: настройки')
@Controller('schools/:schoolId/reminder-settings')
export class SchoolsController {
  constructor(
    private readonly settings: SchoolSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Сроки напоминаний и цепочка эскалации школы (по умолчанию: за 7 и 1 день; ответственный, заместитель, директор, инспектор района)',
  })
  get(@Param('schoolId') schoolId: string) {
    return this.settings.reminders(checkId(schoolId, 'Неверный идентификатор школы'));
  }

  @Put()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @Allow('director', 'deputy')
  @ApiOperation({
    summary: 'Изменить сроки напоминаний; действуют для процедур, запланированных после изменения',
  })
  put(
    @Param('schoolId') schoolId: string,
    @Body() body: ReminderSettingsDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    const idempotencyKey = headers['idempotency-key'];
    const ctx = commandContext({ actor, idempotencyKey }, school, this.clock, this.ids);
    return this.settings.changeReminders(
      checkId(schoolId, 'Неверный идентификатор школы'),
      {
        daysBefore: body.daysBefore,
        escalationGraceDays: body.escalationGraceDays,
        ...(body.preparationDaysBefore ? { preparationDaysBefore: body.preparationDaysBefore } : {}),
        ...(body.escalation
          ? { escalation: body.escalation.map(({ afterDays, to }) => ({ afterDays, to })) }
          : {}),
        ...(body.repeatEveryDays !== undefined ? { repeatEveryDays: body.repeatEveryDays } : {}),
        ...(body.dayOffPolicy ? { dayOffPolicy: body.dayOffPolicy } : {}),
      },
      ctx,
    );
  }
}
