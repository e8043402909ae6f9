import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { positionCatalogue, type Principal } from '@vsoko/accounts';
import type { Actor } from '@vsoko/domain';
import { Administers, AnyPrincipal } from '../auth/access.decorators';
import { CurrentActor, CurrentPrincipal } from '../auth/actor.decorator';
import { checkId, checkPersonId } from '../shared/ids';
import { headerKey } from '../shared/request-context';
import { IdempotencyKeys } from '../shared/idempotency-keys';
import { mountRoutes, type RouteRequest } from '../shared/route-table';
import { AssignPosition } from './assign-position/assign-position.service';
import { CreatePersonDto } from './create-person/create-person.dto';
import { CreatePerson } from './create-person/create-person.service';
import { DeactivateAccount } from './deactivate-account/deactivate-account.service';
import { GetPerson } from './get-person/get-person.service';
import { ListInspectors } from './list-inspectors/list-inspectors.service';
import { ListPeople } from './list-people/list-people.service';
import { ListSchools } from './list-schools/list-schools.service';
import { OpenSchoolDto } from './open-school/open-school.dto';
import { OpenSchool } from './open-school/open-school.service';
import { PERSON_ROUTES, type PersonActs, type PersonRoute } from './person-routes';
import { ReactivateAccount } from './reactivate-account/reactivate-account.service';
import { RemovePosition } from './remove-position/remove-position.service';
import type { WriteRequest } from './shared/people-log';

/**
 * Districts, schools, people and their positions: each route one use case, every change an event. The acts on one
 * person (positions, switching off and on) are the rows of PERSON_ROUTES, mounted below.
 */
@ApiTags('Сотрудники и должности')
@ApiBearerAuth()
@Controller()
export class PeopleController implements PersonActs {
  constructor(
    private readonly keys: IdempotencyKeys,
    private readonly openSchool: OpenSchool,
    private readonly listSchools: ListSchools,
    private readonly createPerson: CreatePerson,
    readonly assignPosition: AssignPosition,
    readonly removePosition: RemovePosition,
    readonly deactivateAccount: DeactivateAccount,
    readonly reactivateAccount: ReactivateAccount,
    private readonly getPerson: GetPerson,
    private readonly listPeople: ListPeople,
    private readonly listInspectors: ListInspectors,
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
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOperation({
    summary:
      'Открыть школу в своём районе (администратор района); с полем director — назначить её директора и отправить ему приглашение',
  })
  open(
    @Param('districtId') districtId: string,
    @Body() body: OpenSchoolDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    const id = checkId(districtId, 'Неверный код района');
    return this.once(principal, keysOf(headers), { id, body }, (request) =>
      this.openSchool.run(id, body, principal, { ...request, actor }),
    );
  }

  @Get('districts/:districtId/inspectors')
  @Administers()
  @ApiOperation({
    summary:
      'Инспекторы района и их приглашения: отправлено, истекло, принято (администратору района; назначает их POST /people)',
  })
  inspectors(@Param('districtId') districtId: string, @CurrentPrincipal() principal: Principal) {
    return this.listInspectors.run(checkId(districtId, 'Неверный код района'), principal);
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
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOperation({
    summary:
      'Завести учётную запись с должностями: директор — сотрудников своей школы, администратор района — директоров',
  })
  create(
    @Body() body: CreatePersonDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    return this.once(principal, keysOf(headers), body, (request) =>
      this.createPerson.run(body, principal, { ...request, actor }),
    );
  }

  @Get('people/:personId')
  @Administers()
  @ApiOperation({ summary: 'Сотрудник и все его должности' })
  person(@Param('personId') personId: string, @CurrentPrincipal() principal: Principal) {
    return this.getPerson.run(checkPersonId(personId), principal);
  }

  /** A row of PERSON_ROUTES: the person's id checked, the body under the caller's Idempotency-Key. */
  act({ route, params, body, principal, actor, headers }: RouteRequest<PersonRoute>) {
    const id = checkPersonId(params.personId);
    return this.once(principal, keysOf(headers), body === undefined ? { id } : { id, body }, (request) =>
      route.run(this, id, body, principal, { ...request, actor }),
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

/**
 * Read from all the headers, not by `@Headers(name)`: Nest's OpenAPI explorer lists a named header as required,
 * and a client generated from the document would have to invent an Idempotency-Key for every call.
 */
function keysOf(headers: Record<string, string | undefined>): { key?: string; correlation?: string } {
  return { key: headers['idempotency-key'], correlation: headers['x-correlation-id'] };
}

mountRoutes(
  PeopleController,
  PERSON_ROUTES,
  function (request) {
    return this.act(request);
  },
  { forSchool: false, decorators: [Administers(), ApiHeader({ name: 'Idempotency-Key', required: false })] },
);
