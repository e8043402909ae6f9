import { Injectable } from '@nestjs/common';
import { NotFound } from '@vsoko/domain';
import { procedureProjection, type ProcedureDocument } from '@vsoko/projections';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { ReadModelReader } from '../../read-models/read-model-reader';

/**
 * GET /procedures/:id/lineage — the same plan row year after year: every procedure sharing the chain of
 * predecessors of this one (one indexed query by `lineage`), oldest year first, each with its indicator and the
 * figures and findings its analysis recorded — the dynamics of one indicator across years.
 */
@Injectable()
export class ProcedureLineage {
  constructor(private readonly reader: ReadModelReader) {}

  async lineage(
    procedureId: string,
    schools: SchoolScope,
    wait: { waitForPosition?: number; timeoutMs: number },
  ) {
    await this.reader.waitFor(wait);
    const doc = await this.reader.get<ProcedureDocument>(procedureProjection.collection, procedureId);
    if (!doc || (schools !== 'any' && !schools.includes(doc.schoolId))) {
      throw new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не найдена`);
    }
    const chain = await this.reader.find<ProcedureDocument>(procedureProjection.collection, {
      // The school's own: a lineage never crosses schools, and a foreign document must not be shown even if one did.
      where: { lineage: doc.lineage, schoolId: doc.schoolId },
      sort: { academicYear: 1 },
    });
    return {
      procedureId,
      lineage: doc.lineage,
      indicator: doc.indicator ?? null,
      years: chain.map((p) => ({
        procedureId: p._id,
        academicYear: p.academicYear,
        title: p.title,
        stage: p.stage,
        window: p.window,
        predecessorId: p.predecessor?.procedureId ?? null,
        indicator: p.indicator ?? null,
        figures: 'analysis' in p && p.analysis ? p.analysis.figures : [],
        findings: 'analysis' in p && p.analysis ? p.analysis.findings : [],
      })),
    };
  }
}
