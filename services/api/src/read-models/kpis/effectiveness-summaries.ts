import { Injectable } from '@nestjs/common';
import { Directory } from '@vsoko/accounts';
import { VERDICTS, type Verdict } from '@vsoko/domain';
import {
  addCounts,
  DECISION_RECORD_KPI_COLLECTION,
  emptyCounts,
  noVerdicts,
  type Condition,
  type DecisionRecordKpi,
  type KpiCounts,
} from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { ReadModelReader } from '../read-model-reader';
import type { EffectivenessQueryDto } from './effectiveness-query.dto';

export interface SchoolEffectiveness {
  schoolId: string;
  /** Executed and waiting for the director's verdict. */
  awaitingReview: number;
  /** The last verdict of each assessed decision. */
  verdicts: Record<Verdict, number>;
  /** Assessed in all. */
  assessed: number;
  /**
   * Where the decisions adopted at meetings (and by orders) stand, in the categories of `GET /kpis` (which counts
   * the procedures' decisions): the district view adds the two.
   */
  counts: KpiCounts;
}

/**
 * `GET /kpis/effectiveness`: per school, the decisions adopted at meetings — how many are executed on time, late,
 * open, overdue, and how the executed ones were judged (effective, partly, not effective, waiting for a verdict):
 * the district view's «эффективность» column and its meeting decisions. Read from the school years' roll-ups
 * within the caller's schools (and the district's, when one is named): one document per school and year.
 */
@Injectable()
export class EffectivenessSummaries {
  constructor(
    private readonly reader: ReadModelReader,
    private readonly directory: Directory,
  ) {}

  async bySchool(
    q: EffectivenessQueryDto,
    schools: SchoolScope,
  ): Promise<{ schools: SchoolEffectiveness[] }> {
    await this.reader.waitFor(q);
    const where: Record<string, Condition> = {};
    if (q.academicYear) where.academicYear = q.academicYear;
    if (q.schoolId) where.schoolId = q.schoolId;
    else if (q.districtId) {
      const ids = (await this.directory.schoolsOf(q.districtId)).map((s) => s._id);
      const readable = schools === 'any' ? ids : ids.filter((id) => schools.includes(id));
      where.schoolId = { $in: readable };
    }
    const years = await this.reader.find<DecisionRecordKpi>(DECISION_RECORD_KPI_COLLECTION, {
      where: withinSchools(where, schools),
    });
    const bySchool = new Map<string, SchoolEffectiveness>();
    for (const y of years) {
      const entry =
        bySchool.get(y.schoolId) ??
        ({
          schoolId: y.schoolId,
          awaitingReview: 0,
          assessed: 0,
          verdicts: noVerdicts(),
          counts: emptyCounts(),
        } satisfies SchoolEffectiveness);
      bySchool.set(y.schoolId, entry);
      entry.awaitingReview += y.awaitingReview;
      entry.assessed += y.assessed;
      for (const v of VERDICTS) entry.verdicts[v] += y.verdicts[v];
      entry.counts = addCounts(entry.counts, y.counts);
    }
    return { schools: [...bySchool.values()].sort((a, b) => a.schoolId.localeCompare(b.schoolId)) };
  }
}
