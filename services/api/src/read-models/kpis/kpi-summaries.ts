import { Injectable } from '@nestjs/common';
import { groupKpis, KPI_COLLECTION, type Condition, type KpiSummary } from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { ReadModelReader } from '../read-model-reader';
import type { KpiQueryDto } from './kpi-query.dto';

/** `GET /kpis`: the stored summaries within the caller's schools, grouped by the domain's KPI grouping. */
@Injectable()
export class KpiSummaries {
  constructor(private readonly reader: ReadModelReader) {}

  async grouped(q: KpiQueryDto, schools: SchoolScope) {
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
