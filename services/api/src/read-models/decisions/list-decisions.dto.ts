import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { DECISION_STATUSES, type DecisionStatus } from '@vsoko/projections';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ScopeFilterDto, KEY } from '../filters';
import { PageQueryDto } from '../page-query.dto';

export const DECISION_SORTS = [
  'deadline',
  '-deadline',
  'adoptedOn',
  '-adoptedOn',
  'executedOn',
  '-executedOn',
];

export class ListDecisionsDto extends IntersectionType(PageQueryDto, ScopeFilterDto) {
  @ApiPropertyOptional({ enum: DECISION_STATUSES })
  @IsOptional()
  @IsIn(DECISION_STATUSES, { message: `status: одно из ${DECISION_STATUSES.join(', ')}` })
  status?: DecisionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KEY, { message: 'procedureId: идентификатор процедуры' })
  procedureId?: string;

  @ApiPropertyOptional({ enum: DECISION_SORTS, default: 'deadline' })
  @IsOptional()
  @IsIn(DECISION_SORTS, { message: `sort: одно из ${DECISION_SORTS.join(', ')}` })
  sort = 'deadline';
}
