import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  groupKpis,
  KPI_GROUPINGS,
  KPI_COLLECTION,
  type Condition,
  type KpiGrouping,
  type KpiSummary,
} from '@vsoko/projections';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ReadableSchools, type SchoolScope, withinSchools } from '../../auth/readable-schools.decorator';
import { ACADEMIC_YEAR, KEY } from '../filters';
import { ReadModelReader } from '../read-model-reader';

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

@ApiTags('Показатели')
@Controller('kpis')
export class KpisController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get()
  @ApiOperation({
    summary:
      'Доли решений, исполненных в срок, с опозданием, открытых и просроченных — по школе, району, направлению, ответственному, году',
  })
  async kpis(@Query() q: KpiQueryDto, @ReadableSchools() schools: SchoolScope) {
    const filter: Record<string, Condition> = {};
    if (q.academicYear) filter.academicYear = q.academicYear;
    if (q.schoolId) filter.schoolId = q.schoolId;
    if (q.districtId) filter.districtId = q.districtId;
    const docs = await this.reader.find<KpiSummary>(KPI_COLLECTION, {
      where: withinSchools(filter, schools),
    });
    return { groupBy: q.groupBy, groups: groupKpis(docs, q.groupBy) };
  }
}
