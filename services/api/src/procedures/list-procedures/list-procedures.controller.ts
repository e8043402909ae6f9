import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags, IntersectionType } from '@nestjs/swagger';
import { DIRECTIONS, type Direction } from '@vsoko/domain';
import { procedureProjection, type ProcedureDocument, type Condition } from '@vsoko/projections';
import { IsIn, IsOptional } from 'class-validator';
import { ReadableSchools, type SchoolScope, withinSchools } from '../../auth/readable-schools.decorator';
import { scopeFilter, ScopeFilterDto } from '../../read-models/filters';
import { PageQueryDto, sortSpec } from '../../read-models/page-query.dto';
import { ReadModelReader } from '../../read-models/read-model-reader';

const STAGES = ['scheduled', 'performed', 'analysed', 'discussed', 'following-up', 'closed', 'cancelled'];
const SORTS = ['window.from', '-window.from', 'window.to', '-window.to', 'title', 'updatedAt', '-updatedAt'];

class ProcedureFilterDto {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES, { message: `stage: одно из ${STAGES.join(', ')}` })
  stage?: string;

  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @IsIn(DIRECTIONS, { message: `direction: одно из ${DIRECTIONS.join(', ')}` })
  direction?: Direction;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue: true или false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: SORTS, default: 'window.from' })
  @IsOptional()
  @IsIn(SORTS, { message: `sort: одно из ${SORTS.join(', ')}` })
  sort = 'window.from';
}

export class ListProceduresDto extends IntersectionType(PageQueryDto, ScopeFilterDto, ProcedureFilterDto) {}

@ApiTags('Процедуры')
@Controller('procedures')
export class ListProceduresController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get()
  @ApiOperation({
    summary: 'Процедуры плана с фильтрами (школа, год, этап, направление, ответственный, просрочка)',
  })
  list(@Query() q: ListProceduresDto, @ReadableSchools() schools: SchoolScope) {
    const filter: Record<string, Condition> = { ...scopeFilter(q) };
    if (q.stage) filter.stage = q.stage;
    if (q.direction) filter.direction = q.direction;
    if (q.overdue) filter.overdue = q.overdue === 'true';
    return this.reader.page<ProcedureDocument>(
      procedureProjection.collection,
      withinSchools(filter, schools),
      sortSpec(q.sort),
      q,
    );
  }
}
