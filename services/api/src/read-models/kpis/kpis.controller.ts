import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { EffectivenessQueryDto } from './effectiveness-query.dto';
import { EffectivenessSummaries } from './effectiveness-summaries';
import { KpiQueryDto } from './kpi-query.dto';
import { KpiSummaries } from './kpi-summaries';

@ApiTags('Показатели')
@Controller('kpis')
export class KpisController {
  constructor(
    private readonly summaries: KpiSummaries,
    private readonly effectiveness: EffectivenessSummaries,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Доли решений, исполненных в срок, с опозданием, открытых и просроченных — по школе, району, направлению, ответственному, году, месяцу срока. Школа считает и решения заседаний (направление «без направления»); район — решения процедур, решения заседаний его школ — в /kpis/effectiveness',
  })
  kpis(@Query() q: KpiQueryDto, @ReadableSchools() schools: SchoolScope) {
    return this.summaries.grouped(q, schools);
  }

  @Get('effectiveness')
  @ApiOperation({
    summary:
      'Эффективность решений по школам: сколько оценено эффективными, частично, неэффективными и сколько ждут оценки',
  })
  effectivenessBySchool(@Query() q: EffectivenessQueryDto, @ReadableSchools() schools: SchoolScope) {
    return this.effectiveness.bySchool(q, schools);
  }
}
