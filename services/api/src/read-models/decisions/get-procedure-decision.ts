import { Injectable } from '@nestjs/common';
import { NotFound } from '@vsoko/domain';
import { decisionDocumentId, decisionProjection, type DecisionDocument } from '@vsoko/projections';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { ReadModelReader } from '../read-model-reader';

/** `GET /decisions/:procedureId/:decisionId`: one decision adopted inside a procedure, from its read model. */
@Injectable()
export class GetProcedureDecision {
  constructor(private readonly reader: ReadModelReader) {}

  async get(procedureId: string, decisionId: string, schools: SchoolScope): Promise<DecisionDocument> {
    const doc = await this.reader.get<DecisionDocument>(
      decisionProjection.collection,
      decisionDocumentId(procedureId, decisionId),
    );
    // Another school's decision answers exactly as an unknown one.
    if (!doc || (schools !== 'any' && !schools.includes(doc.schoolId)))
      throw new NotFound('DECISION_NOT_FOUND', `Решение ${decisionId} процедуры ${procedureId} не найдено`);
    return doc;
  }
}
