import { ApiPropertyOptional } from '@nestjs/swagger';
import { KPI_GROUPINGS, type KpiGrouping } from '@vsoko/projections';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ACADEMIC_YEAR, KEY } from '../filters';

export class KpiQueryDto {
  @ApiPropertyOptional({ enum: KPI_GROUPINGS, default: 'school' })
  @IsOptional()
  @IsIn(KPI_GROUPINGS, { message: `groupBy: одно из ${KPI_GROUPINGS.join(', ')}` })
  groupBy: KpiGrouping = 'school';

  @ApiPropertyOptional({ example: '2026/27' })
  @IsOptional()
  @Matches(ACADEMIC_YEAR, { message: 'academicYear: учебный год вида 2023/24' })
  academicYear?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KEY, { message: 'districtId: идентификатор района' })
  districtId?: string;
}
