import { Injectable } from '@nestjs/common';
import {
  DISTRICT_GROUPINGS,
  DISTRICT_KPI_COLLECTION,
  groupDistrictKpis,
  groupKpis,
  KPI_COLLECTION,
  type Condition,
  type DistrictKpi,
  type KpiSummary,
} from '@vsoko/projections';
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
    const district = await this.fromDistrictYears(q, schools);
    if (district) return { groupBy: q.groupBy, groups: district };
    const filter: Record<string, Condition> = scopeFilter(q);
    const docs = await this.reader.find<KpiSummary>(KPI_COLLECTION, {
      where: withinSchools(filter, schools),
    });
    return { groupBy: q.groupBy, groups: groupKpis(docs, q.groupBy) };
  }

  /**
   * A district's KPIs from its district-year documents (one read whatever the district's size), when the caller
   * may read every school they count; otherwise null, and the school years within the caller's schools answer.
   */
  private async fromDistrictYears(q: KpiQueryDto, schools: SchoolScope) {
    if (!q.districtId || q.schoolId || !DISTRICT_GROUPINGS.has(q.groupBy)) return null;
    const where: Record<string, Condition> = { districtId: q.districtId };
    if (q.academicYear) where.academicYear = q.academicYear;
    const docs = await this.reader.find<DistrictKpi>(DISTRICT_KPI_COLLECTION, { where });
    if (schools !== 'any') {
      const readable = new Set(schools);
      if (!docs.every((d) => d.bySchool.every((s) => readable.has(s.schoolId)))) return null;
    }
    return groupDistrictKpis(docs, q.groupBy);
  }
}
