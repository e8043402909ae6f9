import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound, ValidationFailed } from '@vsoko/domain';
import { decisionDocumentId, decisionProjection, type DecisionDocument } from '@vsoko/projections';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { KEY } from '../filters';
import { ReadModelReader } from '../read-model-reader';
import { ListDecisionsDto } from './list-decisions.dto';
import { ListDecisionsQuery } from './list-decisions.query';

@ApiTags('Управленческие решения')
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly reader: ReadModelReader,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Решения с фильтрами: ответственный, статус (open, overdue, executed, cancelled), учебный год, школа',
  })
  list(@Query() query: ListDecisionsDto, @ReadableSchools() schools: SchoolScope) {
    return this.queries.execute(new ListDecisionsQuery(query, schools));
  }

  @Get(':procedureId/:decisionId')
  @ApiOperation({ summary: 'Одно решение: формулировка, срок, исполнение, продления' })
  async get(
    @Param('procedureId') procedureId: string,
    @Param('decisionId') decisionId: string,
    @ReadableSchools() schools: SchoolScope,
  ) {
    if (!KEY.test(procedureId) || !KEY.test(decisionId))
      throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор решения');
    const doc = await this.reader.get<DecisionDocument>(
      decisionProjection.collection,
      decisionDocumentId(procedureId, decisionId),
    );
    // Another school's decision answers exactly as an unknown one.
    if (!doc || (schools !== 'any' && !schools.includes(doc.schoolId)))
      throw new NotFound('DECISION_NOT_FOUND', `Решение ${decisionId} процедуры ${procedureId} не найдено`);
    return doc;
  }
}
