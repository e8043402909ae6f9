import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { kpiProjection, tally, type KpiCounts, type SchoolYearKpi } from '@vsoko/projections';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Filter } from 'mongodb';
import { ReadableSchools, type SchoolScope, withinSchools } from '../../auth/readable-schools.decorator';
import { ACADEMIC_YEAR, KEY } from '../filters';
import { ReadModelReader } from '../read-model-reader';

const GROUPS = ['school', 'district', 'direction', 'responsible', 'year'] as const;
type GroupBy = (typeof GROUPS)[number];

export class KpiQueryDto {
  @IsOptional()
  @IsIn(GROUPS, { message: `groupBy: одно из ${GROUPS.join(', ')}` })
  groupBy: GroupBy = 'school';

  @IsOptional()
  @Matches(ACADEMIC_YEAR, { message: 'academicYear: учебный год вида 2023/24' })
  academicYear?: string;

  @IsOptional()
  @Matches(KEY, { message: 'schoolId: идентификатор школы' })
  schoolId?: string;

  @IsOptional()
  @Matches(KEY, { message: 'districtId: идентификатор района' })
  districtId?: string;
}

export interface KpiGroup {
  key: string;
  name?: string;
  counts: KpiCounts;
  /** Shares of the decisions that count (cancelled ones do not), 0…1. */
  shares: { executedOnTime: number; executedLate: number; open: number; overdue: number };
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
    const filter: Filter<SchoolYearKpi> = {};
    if (q.academicYear) filter.academicYear = q.academicYear;
    if (q.schoolId) filter.schoolId = q.schoolId;
    if (q.districtId) filter.districtId = q.districtId;
    const perDecision = q.groupBy === 'direction' || q.groupBy === 'responsible';
    const docs = await this.reader
      .collection<SchoolYearKpi>(kpiProjection.collection)
      .find(withinSchools(filter, schools), perDecision ? {} : { projection: { decisions: 0 } })
      .toArray();
    const groups = new Map<
      string,
      {
        name?: string;
        items: { category: SchoolYearKpi['decisions'][number]['category'] }[];
        counts?: KpiCounts;
      }
    >();
    const add = (key: string, counts: KpiCounts) => {
      const g = groups.get(key) ?? { items: [], counts: tally([]) };
      for (const k of Object.keys(counts) as (keyof KpiCounts)[]) g.counts![k] += counts[k];
      groups.set(key, g);
    };
    for (const doc of docs) {
      if (q.groupBy === 'school') add(doc.schoolId, doc.counts);
      else if (q.groupBy === 'district') add(doc.districtId ?? 'без района', doc.counts);
      else if (q.groupBy === 'year') add(doc.academicYear, doc.counts);
      else {
        for (const d of doc.decisions) {
          const key = q.groupBy === 'direction' ? d.direction : `${doc.schoolId}:${d.responsibleKey}`;
          const g = groups.get(key) ?? {
            items: [],
            name: q.groupBy === 'responsible' ? d.responsibleName : undefined,
          };
          g.items.push(d);
          groups.set(key, g);
        }
      }
    }
    const result: KpiGroup[] = [...groups.entries()]
      .map(([key, g]) => {
        const counts = g.counts ?? tally(g.items);
        const share = (n: number) => (counts.total === 0 ? 0 : Math.round((n / counts.total) * 1000) / 1000);
        return {
          key,
          ...(g.name ? { name: g.name } : {}),
          counts,
          shares: {
            executedOnTime: share(counts.executedOnTime),
            executedLate: share(counts.executedLate),
            open: share(counts.open),
            overdue: share(counts.overdue),
          },
        };
      })
      .sort((a, b) => a.key.localeCompare(b.key));
    return { groupBy: q.groupBy, groups: result };
  }
}
