import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { KPI_GROUPINGS, type KpiGrouping } from '@vsoko/projections';
import { IsIn, IsOptional } from 'class-validator';
import { ScopeFilterDto } from '../filters';
import { WaitQueryDto } from '../page-query.dto';

/**
 * The lists' school, district and year filters (KPIs are not kept per responsible), the grouping, and
 * read-your-writes as on the lists: a screen that just recorded a decision waits for its count.
 */
export class KpiQueryDto extends IntersectionType(
  OmitType(ScopeFilterDto, ['responsible'] as const),
  WaitQueryDto,
) {
  @ApiPropertyOptional({ enum: KPI_GROUPINGS, default: 'school' })
  @IsOptional()
  @IsIn(KPI_GROUPINGS, { message: `groupBy: одно из ${KPI_GROUPINGS.join(', ')}` })
  groupBy: KpiGrouping = 'school';
}
