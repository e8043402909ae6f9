import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { DIRECTIONS, type Direction } from '@vsoko/domain';
import { IsIn, IsOptional } from 'class-validator';
import { ScopeFilterDto } from '../../read-models/filters';
import { PageQueryDto } from '../../read-models/page-query.dto';

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
