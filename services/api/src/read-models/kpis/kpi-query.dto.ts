import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { KPI_GROUPINGS, type KpiGrouping } from '@vsoko/projections';
import { IsIn, IsOptional } from 'class-validator';
import { ScopeFilterDto } from '../filters';

/** The lists' school, district and year filters (KPIs are not kept per responsible) and the grouping. */
export class KpiQueryDto extends OmitType(ScopeFilterDto, ['responsible'] as const) {
  @ApiPropertyOptional({ enum: KPI_GROUPINGS, default: 'school' })
  @IsOptional()
  @IsIn(KPI_GROUPINGS, { message: `groupBy: одно из ${KPI_GROUPINGS.join(', ')}` })
  groupBy: KpiGrouping = 'school';
}
