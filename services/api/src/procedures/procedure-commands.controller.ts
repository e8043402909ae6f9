import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { PARAMTYPES_METADATA } from '@nestjs/common/constants';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@vsoko/domain';
import type { CommandOutcome } from '@vsoko/workflows/procedure/definitions';
import { CurrentActor, CurrentSchool } from '../auth/actor.decorator';
import { checkId } from '../shared/ids';
import { headerKey, revisionOf } from '../shared/request-context';
import { ExecuteStageCommand } from './execute-command/execute-stage-command';
import type { StageCommandBody, StageRoute } from './stage-route';
import { STAGE_ROUTES } from './stage-routes';

/** One endpoint per route of STAGE_ROUTES; each answers 200 with the new revision and the log position to wait for. */
@ApiTags('Процедуры: этапы')
@ApiBearerAuth()
@ApiHeader({
  name: 'X-School-Id',
  required: false,
  description: 'Школа, от имени которой действует сотрудник нескольких школ',
})
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Повтор с тем же ключом ничего не записывает дважды',
})
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'Версия процедуры, которую видел клиент: иначе 409',
})
@Controller('procedures/:id')
export class ProcedureCommandsController {
  constructor(private readonly stages: ExecuteStageCommand) {}

  run(
    route: StageRoute,
    id: string,
    decisionId: string | undefined,
    body: StageCommandBody,
    actor: Actor,
    schoolId: string,
    headers: Record<string, string | undefined>,
  ): Promise<CommandOutcome> {
    const procedureId = checkId(id, 'Неверный идентификатор процедуры');
    const decision = isDecisionRoute(route)
      ? checkId(decisionId ?? '', 'Неверный идентификатор решения')
      : '';
    return this.stages.execute(
      body.toCommand(procedureId, decision),
      {
        actor,
        schoolId,
        idempotencyKey: headerKey(headers['idempotency-key'], 'Idempotency-Key'),
        correlationId: headerKey(headers['x-correlation-id'], 'X-Correlation-Id'),
      },
      revisionOf(headers['if-match']),
    );
  }
}

const isDecisionRoute = (route: StageRoute) => route.path.includes(':decisionId');

/**
 * Nest and its OpenAPI explorer read routes from decorator metadata on controller methods; applying the same
 * decorators to a method made per table row gives each command its own route, validated body and OpenAPI
 * entry, exactly as a hand-written method would, without writing the method twelve times.
 */
function mount(route: StageRoute): void {
  const prototype = ProcedureCommandsController.prototype;
  const key = route.name;
  // A computed method name: the OpenAPI explorer finds a method's metadata by the function's own name.
  const { [key]: handler } = {
    [key](
      this: ProcedureCommandsController,
      id: string,
      decisionId: string | undefined,
      body: StageCommandBody,
      actor: Actor,
      school: string,
      headers: Record<string, string | undefined>,
    ) {
      return this.run(route, id, decisionId, body, actor, school, headers);
    },
  };
  Object.defineProperty(prototype, key, { value: handler, writable: true, configurable: true });
  Reflect.defineMetadata(
    PARAMTYPES_METADATA,
    [String, String, route.body, Object, String, Object],
    prototype,
    key,
  );
  Param('id')(prototype, key, 0);
  if (isDecisionRoute(route)) Param('decisionId')(prototype, key, 1);
  Body()(prototype, key, 2);
  CurrentActor()(prototype, key, 3);
  CurrentSchool()(prototype, key, 4);
  Headers()(prototype, key, 5);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
  for (const decorate of [Post(route.path), HttpCode(200), ApiOperation({ summary: route.summary })]) {
    decorate(prototype, key, descriptor);
  }
}

STAGE_ROUTES.forEach(mount);
