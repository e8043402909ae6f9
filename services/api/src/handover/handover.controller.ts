import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import { Allow } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/actor.decorator';
import { checkPersonId } from '../shared/ids';
import { headerKey } from '../shared/request-context';
import { HandOver } from './hand-over/hand-over';
import { HandOverDto } from './hand-over/hand-over.dto';
import { ListOpenWork } from './list-open-work/list-open-work';

/** When a person leaves or changes position: what they answer for, and handing it all to a successor. */
@ApiTags('Сотрудники')
@ApiBearerAuth()
@Controller('people')
export class HandoverController {
  constructor(
    private readonly lists: ListOpenWork,
    private readonly handovers: HandOver,
  ) {}

  @Get(':personId/open-work')
  @Allow('director', 'deputy')
  @ApiOperation({ summary: 'Незавершённые дела сотрудника в школе: процедуры, решения, контрольные точки' })
  list(@Param('personId') personId: string, @CurrentPrincipal() principal: Principal) {
    return this.lists.list(checkPersonId(personId), principal);
  }

  @Post(':personId/handover')
  @HttpCode(200)
  @Allow('director', 'deputy')
  @ApiOperation({
    summary: 'Передать все незавершённые дела сотрудника другому одним шагом (каждое — событие с причиной)',
  })
  handOver(
    @Param('personId') personId: string,
    @Body() body: HandOverDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string>,
  ) {
    const idempotencyKey = headerKey(headers['idempotency-key'], 'Idempotency-Key');
    const correlationId = headerKey(headers['x-correlation-id'], 'X-Correlation-Id');
    return this.handovers.handOver(checkPersonId(personId), body, principal, {
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(correlationId ? { correlationId } : {}),
    });
  }
}
