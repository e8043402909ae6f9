import { Injectable } from '@nestjs/common';
import {
  DECISION_RECORD_KPI_COLLECTION,
  DISTRICT_GROUPINGS,
  districtKpis,
  groupKpis,
  KPI_COLLECTION,
  type Condition,
  type DecisionRecordKpi,
  type KpiSummary,
} from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { scopeFilter } from '../filters';
import { JsonBody } from '../json-page';
import { ReadModelReader } from '../read-model-reader';
import type { KpiQueryDto } from './kpi-query.dto';

/**
 * `GET /kpis`: the stored summaries within the caller's schools, grouped by the domain's KPI grouping. A school's
 * KPIs (no district named) count the decisions adopted at its meetings beside its procedures' decisions, from the
 * school years' roll-ups of both; a district's count the procedures' decisions of its district years, and the
 * district view adds its schools' meeting decisions from `GET /kpis/effectiveness`.
 */
@Injectable()
export class KpiSummaries {
  constructor(private readonly reader: ReadModelReader) {}

  async grouped(q: KpiQueryDto, schools: SchoolScope) {
    await this.reader.waitFor(q);
    const district = await this.fromDistrictYears(q, schools);
    if (district)
      return 'json' in district ? new JsonBody(district.json) : { groupBy: q.groupBy, ...district };
    const filter: Record<string, Condition> = scopeFilter(q);
    const [docs, meetings] = await Promise.all([
      this.reader.find<KpiSummary>(KPI_COLLECTION, { where: withinSchools(filter, schools) }),
      q.districtId ? [] : this.meetingDecisions(filter, schools),
    ]);
    return { groupBy: q.groupBy, groups: groupKpis(docs, q.groupBy, meetings) };
  }

  /**
   * The school years' roll-ups of the decisions adopted at meetings, by the same school and year filter as the
   * procedures' (index `school_year`; asked for without a district only).
   */
  private meetingDecisions(filter: Record<string, Condition>, schools: SchoolScope) {
    return this.reader.find<DecisionRecordKpi>(DECISION_RECORD_KPI_COLLECTION, {
      where: withinSchools(filter, schools),
    });
  }

  /**
   * A district's KPIs from its district-year documents (one read whatever the district's size; for one year, the
   * stored answer's text), when the caller may read every school they count; otherwise null, and the school years
   * within the caller's schools answer.
   */
  private fromDistrictYears(q: KpiQueryDto, schools: SchoolScope) {
    if (!q.districtId || q.schoolId || !DISTRICT_GROUPINGS.has(q.groupBy)) return null;
    const readable = schools === 'any' ? null : new Set(schools);
    return districtKpis(
      this.reader,
      { districtId: q.districtId, ...(q.academicYear ? { academicYear: q.academicYear } : {}) },
      q.groupBy,
      (schoolId) => readable === null || readable.has(schoolId),
    );
  }
}
