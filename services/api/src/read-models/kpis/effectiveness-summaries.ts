import { Injectable } from '@nestjs/common';
import { Directory } from '@vsoko/accounts';
import { VERDICTS, type Verdict } from '@vsoko/domain';
import { decisionRecordProjection, type Condition, type DecisionRecordDocument } from '@vsoko/projections';
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
}

/**
 * `GET /kpis/effectiveness`: per school, how the decisions adopted at meetings were judged (effective, partly,
 * not effective) and how many executed ones wait for a verdict — the district view's «эффективность» column.
 * Read from the decision records within the caller's schools (and the district's, when one is named).
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
    const where: Record<string, Condition> = {
      status: { $in: ['executed', 'assessed', 'reopened'] },
    };
    if (q.academicYear) where.academicYear = q.academicYear;
    if (q.schoolId) where.schoolId = q.schoolId;
    else if (q.districtId) {
      const ids = (await this.directory.schoolsOf(q.districtId)).map((s) => s._id);
      const readable = schools === 'any' ? ids : ids.filter((id) => schools.includes(id));
      where.schoolId = { $in: readable };
    }
    const records = await this.reader.find<DecisionRecordDocument>(decisionRecordProjection.collection, {
      where: withinSchools(where, schools),
    });
    const bySchool = new Map<string, SchoolEffectiveness>();
    for (const r of records) {
      const entry =
        bySchool.get(r.schoolId) ??
        ({
          schoolId: r.schoolId,
          awaitingReview: 0,
          assessed: 0,
          verdicts: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>,
        } satisfies SchoolEffectiveness);
      bySchool.set(r.schoolId, entry);
      if (r.status === 'executed') entry.awaitingReview++;
      else if (r.verdict && (VERDICTS as readonly string[]).includes(r.verdict)) {
        entry.verdicts[r.verdict as Verdict]++;
        entry.assessed++;
      }
    }
    return { schools: [...bySchool.values()].sort((a, b) => a.schoolId.localeCompare(b.schoolId)) };
  }
}
