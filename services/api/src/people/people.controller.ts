import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { positionCatalogue, type Principal } from '@vsoko/accounts';
import type { Actor } from '@vsoko/domain';
import { Administers, AnyPrincipal } from '../auth/access.decorators';
import { CurrentActor, CurrentPrincipal } from '../auth/actor.decorator';
import { checkId, checkPersonId } from '../shared/ids';
import { headerKey } from '../shared/request-context';
import { IdempotencyKeys } from '../shared/idempotency-keys';
import { AssignPosition } from './assign-position/assign-position.service';
import { CreatePersonDto } from './create-person/create-person.dto';
import { CreatePerson } from './create-person/create-person.service';
import { DeactivateAccountDto } from './deactivate-account/deactivate-account.dto';
import { DeactivateAccount } from './deactivate-account/deactivate-account.service';
import { GetPerson } from './get-person/get-person.service';
import { ListPeople } from './list-people/list-people.service';
import { ListSchools } from './list-schools/list-schools.service';
import { OpenSchoolDto } from './open-school/open-school.dto';
import { OpenSchool } from './open-school/open-school.service';
import { ReactivateAccount } from './reactivate-account/reactivate-account.service';
import { RemovePositionDto } from './remove-position/remove-position.dto';
import { RemovePosition } from './remove-position/remove-position.service';
import { PositionDto } from './shared/position.dto';
import type { WriteRequest } from './shared/people-log';

/** Districts, schools, people and their positions: each route one use case, every change an event. */
@ApiTags('Сотрудники и должности')
@ApiBearerAuth()
@Controller()
export class PeopleController {
  constructor(
    private readonly keys: IdempotencyKeys,
    private readonly openSchool: OpenSchool,
    private readonly listSchools: ListSchools,
    private readonly createPerson: CreatePerson,
    private readonly assignPosition: AssignPosition,
    private readonly removePosition: RemovePosition,
    private readonly deactivateAccount: DeactivateAccount,
    private readonly reactivateAccount: ReactivateAccount,
    private readonly getPerson: GetPerson,
    private readonly listPeople: ListPeople,
  ) {}

  @Get('positions')
  @AnyPrincipal()
  @ApiOperation({ summary: 'Должности и что каждая разрешает (одна таблица прав)' })
  positions() {
    return { positions: positionCatalogue() };
  }

  @Get('districts/:districtId/schools')
  @ApiOperation({ summary: 'Школы района (администратору и инспектору района)' })
  schools(@Param('districtId') districtId: string, @CurrentPrincipal() principal: Principal) {
    return this.listSchools.run(checkId(districtId, 'Неверный код района'), principal);
  }

  @Post('districts/:districtId/schools')
  @Administers()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Открыть школу в своём районе (администратор района); с полем director — назначить её директора и отправить ему приглашение',
  })
  open(
    @Param('districtId') districtId: string,
    @Body() body: OpenSchoolDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    const id = checkId(districtId, 'Неверный код района');
    return this.once(principal, { key, correlation }, { id, body }, (request) =>
      this.openSchool.run(id, body, principal, { ...request, actor }),
    );
  }

  @Get('schools/:schoolId/people')
  @Administers()
  @ApiOperation({ summary: 'Сотрудники школы и их должности (директору и администратору района)' })
  people(@Param('schoolId') schoolId: string, @CurrentPrincipal() principal: Principal) {
    return this.listPeople.run(checkId(schoolId, 'Неверный код школы'), principal);
  }

  @Post('people')
  @Administers()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Завести учётную запись с должностями: директор — сотрудников своей школы, администратор района — директоров',
  })
  create(
    @Body() body: CreatePersonDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    return this.once(principal, { key, correlation }, body, (request) =>
      this.createPerson.run(body, principal, { ...request, actor }),
    );
  }

  @Get('people/:personId')
  @Administers()
  @ApiOperation({ summary: 'Сотрудник и все его должности' })
  person(@Param('personId') personId: string, @CurrentPrincipal() principal: Principal) {
    return this.getPerson.run(checkPersonId(personId), principal);
  }

  @Post('people/:personId/positions')
  @Administers()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Назначить на должность (или изменить предметы учителя)' })
  assign(
    @Param('personId') personId: string,
    @Body() body: PositionDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    const id = checkPersonId(personId);
    return this.once(principal, { key, correlation }, { id, body }, (request) =>
      this.assignPosition.run(id, body, principal, { ...request, actor }),
    );
  }

  @Post('people/:personId/positions/remove')
  @Administers()
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Снять с должности (назначение остаётся в истории)' })
  remove(
    @Param('personId') personId: string,
    @Body() body: RemovePositionDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    const id = checkPersonId(personId);
    return this.once(principal, { key, correlation }, { id, body }, (request) =>
      this.removePosition.run(id, body, principal, { ...request, actor }),
    );
  }

  @Post('people/:personId/deactivate')
  @Administers()
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary: 'Отключить учётную запись: не удаляется, история сохраняется, сеансы и ключи API отзываются',
  })
  deactivate(
    @Param('personId') personId: string,
    @Body() body: DeactivateAccountDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    const id = checkPersonId(personId);
    return this.once(principal, { key, correlation }, { id, body }, (request) =>
      this.deactivateAccount.run(id, body, principal, { ...request, actor }),
    );
  }

  @Post('people/:personId/reactivate')
  @Administers()
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Включить учётную запись снова, с прежними должностями' })
  reactivate(
    @Param('personId') personId: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
    @Headers('x-correlation-id') correlation?: string,
  ) {
    const id = checkPersonId(personId);
    return this.once(principal, { key, correlation }, { id }, (request) =>
      this.reactivateAccount.run(id, principal, { ...request, actor }),
    );
  }

  /** An Idempotency-Key holds for one command body per caller; its value is the root of the commands' ids. */
  private once<T>(
    principal: Principal,
    headers: { key?: string; correlation?: string },
    command: unknown,
    execute: (request: Omit<WriteRequest, 'actor'>) => Promise<T>,
  ): Promise<T> {
    const idempotencyKey = headerKey(headers.key, 'Idempotency-Key');
    const correlationId = headerKey(headers.correlation, 'X-Correlation-Id');
    const request = {
      ...(idempotencyKey ? { idempotencyKey: `${principal.id}:${idempotencyKey}` } : {}),
      ...(correlationId ? { correlationId } : {}),
    };
    return this.keys.run(idempotencyKey, `people:${principal.id}`, command, () => execute(request));
  }
}
