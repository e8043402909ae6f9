import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { procedureNotFound } from '@vsoko/domain';
import { procedureProjection, type ProcedureDocument, type ReadStore } from '@vsoko/projections';
import { READ_STORE } from '../../infrastructure/tokens';
import { ProjectionWaiter } from '../../read-models/projection-waiter';
import { GetProcedureQuery } from './get-procedure.query';

@QueryHandler(GetProcedureQuery)
export class GetProcedureHandler implements IQueryHandler<GetProcedureQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute(query: GetProcedureQuery): Promise<ProcedureDocument> {
    if (query.waitForPosition !== undefined)
      await this.waiter.waitFor(query.waitForPosition, query.timeoutMs);
    const doc = await this.readStore.get<ProcedureDocument>(
      procedureProjection.collection,
      query.procedureId,
    );
    const readable = query.schools === 'any' || (doc !== null && query.schools.includes(doc.schoolId));
    if (!doc || !readable) throw procedureNotFound(query.procedureId);
    return doc;
  }
}
