import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandOutcome } from '@vsoko/workflows/procedure/definitions';
import { checkId } from '../shared/ids';
import { mountRoutes, type RouteRequest } from '../shared/route-table';
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

  run({
    route,
    params,
    body,
    actor,
    school,
    headers,
  }: RouteRequest<StageRoute, StageCommandBody>): Promise<CommandOutcome> {
    const procedureId = checkId(params.id, 'Неверный идентификатор процедуры');
    const decision = isDecisionRoute(route)
      ? checkId(params.decisionId ?? '', 'Неверный идентификатор решения')
      : '';
    return this.stages.execute(
      body.toCommand(procedureId, decision),
      {
        actor,
        schoolId: school,
        idempotencyKey: headerKey(headers['idempotency-key'], 'Idempotency-Key'),
        correlationId: headerKey(headers['x-correlation-id'], 'X-Correlation-Id'),
      },
      revisionOf(headers['if-match']),
    );
  }
}

const isDecisionRoute = (route: StageRoute) => route.path.includes(':decisionId');

mountRoutes(
  ProcedureCommandsController,
  STAGE_ROUTES,
  function (request) {
    return this.run(request as RouteRequest<StageRoute, StageCommandBody>);
  },
  { controllerParams: ['id'] },
);
