import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@vsoko/domain';
import { procedureProjection, type ProcedureDocument } from '@vsoko/projections';
import type { Db } from 'mongodb';
import { READ_DB } from '../../infrastructure/tokens';
import { ProjectionWaiter } from '../../read-models/projection-waiter';
import { GetProcedureQuery } from './get-procedure.query';

@QueryHandler(GetProcedureQuery)
export class GetProcedureHandler implements IQueryHandler<GetProcedureQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: Db,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute(query: GetProcedureQuery): Promise<ProcedureDocument> {
    if (query.waitForPosition !== undefined)
      await this.waiter.waitFor(query.waitForPosition, query.timeoutMs);
    const doc = await this.db
      .collection<ProcedureDocument>(procedureProjection.collection)
      .findOne({ _id: query.procedureId });
    if (!doc) throw new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${query.procedureId} не найдена`);
    return doc;
  }
}
