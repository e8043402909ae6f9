import { Injectable } from '@nestjs/common';
import { groupKpis, KPI_COLLECTION, type Condition, type KpiSummary } from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { scopeFilter } from '../filters';
import { ReadModelReader } from '../read-model-reader';
import type { KpiQueryDto } from './kpi-query.dto';

/** `GET /kpis`: the stored summaries within the caller's schools, grouped by the domain's KPI grouping. */
@Injectable()
export class KpiSummaries {
  constructor(private readonly reader: ReadModelReader) {}

  async grouped(q: KpiQueryDto, schools: SchoolScope) {
    await this.reader.waitFor(q);
    const filter: Record<string, Condition> = scopeFilter(q);
    const docs = await this.reader.find<KpiSummary>(KPI_COLLECTION, {
      where: withinSchools(filter, schools),
    });
    return { groupBy: q.groupBy, groups: groupKpis(docs, q.groupBy) };
  }
}
