import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decisionProjection, type Condition, type DecisionDocument } from '@vsoko/projections';
import { withinSchools } from '../../auth/readable-schools.decorator';
import { scopeFilter } from '../filters';
import { sortSpec, type Page } from '../page-query.dto';
import { ReadModelReader } from '../read-model-reader';
import { ListDecisionsQuery } from './list-decisions.query';

@QueryHandler(ListDecisionsQuery)
export class ListDecisionsHandler implements IQueryHandler<ListDecisionsQuery> {
  constructor(private readonly reader: ReadModelReader) {}

  execute({ filter: q, schools }: ListDecisionsQuery): Promise<Page<DecisionDocument>> {
    const filter: Record<string, Condition> = { ...scopeFilter(q) };
    if (q.status) filter.status = q.status;
    if (q.procedureId) filter.procedureId = q.procedureId;
    return this.reader.page<DecisionDocument>(
      decisionProjection.collection,
      withinSchools(filter, schools),
      sortSpec(q.sort),
      q,
    );
  }
}
