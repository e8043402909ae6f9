import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@vsoko/domain';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { KEY } from '../filters';
import { GetProcedureDecision } from './get-procedure-decision';
import { ListDecisionsDto } from './list-decisions.dto';
import { ListDecisions } from './list-decisions';

@ApiTags('Управленческие решения')
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly decisions: ListDecisions,
    private readonly decision: GetProcedureDecision,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Решения с фильтрами: ответственный, статус (open, overdue, executed, cancelled), учебный год, школа',
  })
  list(@Query() query: ListDecisionsDto, @ReadableSchools() schools: SchoolScope) {
    return this.decisions.list(query, schools);
  }

  /** Not `get`: the decision records' controller has that name, and an OpenAPI operation id must be unique. */
  @Get(':procedureId/:decisionId')
  @ApiOperation({ summary: 'Одно решение процедуры: формулировка, срок, исполнение, продления' })
  getOfProcedure(
    @Param('procedureId') procedureId: string,
    @Param('decisionId') decisionId: string,
    @ReadableSchools() schools: SchoolScope,
  ) {
    if (!KEY.test(procedureId) || !KEY.test(decisionId))
      throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор решения');
    return this.decision.get(procedureId, decisionId, schools);
  }
}
