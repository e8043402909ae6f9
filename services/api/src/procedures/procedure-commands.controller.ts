import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, type ProcedureCommand, ValidationFailed } from '@vsoko/domain';
import type { CommandOutcome } from '@vsoko/workflows/procedure/definitions';
import { CurrentActor, CurrentSchool } from '../auth/actor.decorator';
import { AdoptDecisionsDto } from './adopt-decisions/adopt-decisions.dto';
import { CancelDecisionDto } from './cancel-decision/cancel-decision.dto';
import { CancelProcedureDto } from './cancel-procedure/cancel-procedure.dto';
import { CloseProcedureDto } from './close-procedure/close-procedure.dto';
import { ExecuteDecisionDto } from './execute-decision/execute-decision.dto';
import { ExecuteProcedureCommand } from './execute-command/execute-procedure-command';
import { ExtendDecisionDto } from './extend-decision/extend-decision.dto';
import { MarkPerformedDto } from './mark-performed/mark-performed.dto';
import { NoteWithoutDecisionDto } from './note-without-decision/note-without-decision.dto';
import { RecordAnalysisDto } from './record-analysis/record-analysis.dto';
import { RecordDiscussionDto } from './record-discussion/record-discussion.dto';
import { RequestRecheckDto } from './request-recheck/request-recheck.dto';
import { RescheduleDto } from './reschedule/reschedule.dto';
import { ID_PATTERN } from '../shared/ids';
import { headerKey, revisionOf } from '../shared/request-context';

interface Who {
  actor: Actor;
  schoolId: string;
  idempotencyKey?: string;
  correlationId?: string;
  ifMatch?: string;
}

/** One endpoint per command; each answers 200 with the new revision and the log position to wait for. */
@ApiTags('Процедуры: этапы')
@ApiHeader({ name: 'X-Actor-Id', required: true, description: 'Пользователь (временная замена входа)' })
@ApiHeader({ name: 'X-Actor-Role', required: true, description: 'director, deputy, methodist, teacher, …' })
@ApiHeader({
  name: 'X-School-Id',
  required: true,
  description: 'Школа пользователя (временная замена входа)',
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
  constructor(private readonly commands: CommandBus) {}

  @Post('reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Перенести сроки проведения' })
  reschedule(
    @Param('id') id: string,
    @Body() body: RescheduleDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id)), who(actor, school, h));
  }

  @Post('performed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Отметить, что процедура проведена' })
  performed(
    @Param('id') id: string,
    @Body() body: MarkPerformedDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id)), who(actor, school, h));
  }

  @Post('analysis')
  @HttpCode(200)
  @ApiOperation({ summary: 'Записать анализ результатов (аналитическая справка)' })
  analysis(
    @Param('id') id: string,
    @Body() body: RecordAnalysisDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id)), who(actor, school, h));
  }

  @Post('discussion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Записать обсуждение результатов на совещании' })
  discussion(
    @Param('id') id: string,
    @Body() body: RecordDiscussionDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id)), who(actor, school, h));
  }

  @Post('decisions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Принять управленческие решения' })
  decisions(
    @Param('id') id: string,
    @Body() body: AdoptDecisionsDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id)), who(actor, school, h));
  }

  @Post('noted-without-decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Принять к сведению без решений' })
  noted(
    @Param('id') id: string,
    @Body() body: NoteWithoutDecisionDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id)), who(actor, school, h));
  }

  @Post('decisions/:decisionId/executed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Отметить исполнение решения' })
  executed(
    @Param('id') id: string,
    @Param('decisionId') decisionId: string,
    @Body() body: ExecuteDecisionDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id), decisionIdOf(decisionId)), who(actor, school, h));
  }

  @Post('decisions/:decisionId/extension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Продлить срок исполнения решения' })
  extend(
    @Param('id') id: string,
    @Param('decisionId') decisionId: string,
    @Body() body: ExtendDecisionDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id), decisionIdOf(decisionId)), who(actor, school, h));
  }

  @Post('decisions/:decisionId/cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Отменить решение' })
  cancelDecision(
    @Param('id') id: string,
    @Param('decisionId') decisionId: string,
    @Body() body: CancelDecisionDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id), decisionIdOf(decisionId)), who(actor, school, h));
  }

  @Post('decisions/:decisionId/recheck')
  @HttpCode(200)
  @ApiOperation({ summary: 'Назначить повторную проверку (дочерняя процедура)' })
  recheck(
    @Param('id') id: string,
    @Param('decisionId') decisionId: string,
    @Body() body: RequestRecheckDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id), decisionIdOf(decisionId)), who(actor, school, h));
  }

  @Post('cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Отменить процедуру' })
  cancel(
    @Param('id') id: string,
    @Body() body: CancelProcedureDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id)), who(actor, school, h));
  }

  @Post('closure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Закрыть процедуру (все решения исполнены или отменены)' })
  close(
    @Param('id') id: string,
    @Body() body: CloseProcedureDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() h: Record<string, string>,
  ) {
    return this.run(body.toCommand(procedureId(id)), who(actor, school, h));
  }

  private run(command: ProcedureCommand, w: Who): Promise<CommandOutcome> {
    return this.commands.execute(
      new ExecuteProcedureCommand(
        command,
        {
          actor: w.actor,
          schoolId: w.schoolId,
          idempotencyKey: w.idempotencyKey,
          correlationId: w.correlationId,
        },
        revisionOf(w.ifMatch),
      ),
    );
  }
}

function who(actor: Actor, schoolId: string, headers: Record<string, string>): Who {
  return {
    actor,
    schoolId,
    idempotencyKey: headerKey(headers['idempotency-key'], 'Idempotency-Key'),
    correlationId: headerKey(headers['x-correlation-id'], 'X-Correlation-Id'),
    ifMatch: headers['if-match'],
  };
}

function procedureId(id: string): string {
  if (!ID_PATTERN.test(id)) throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор процедуры');
  return id;
}

function decisionIdOf(id: string): string {
  if (!ID_PATTERN.test(id)) throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор решения');
  return id;
}
