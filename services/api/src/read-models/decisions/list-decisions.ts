import { Injectable } from '@nestjs/common';
import { decisionProjection, type Condition, type DecisionDocument } from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { scopeFilter } from '../filters';
import { sortSpec } from '../page-query.dto';
import type { JsonListPage } from '../json-page';
import { ReadModelReader } from '../read-model-reader';
import type { ListDecisionsDto } from './list-decisions.dto';

/** `GET /decisions`: one page of the decisions inside procedures, within the schools the caller may read. */
@Injectable()
export class ListDecisions {
  constructor(private readonly reader: ReadModelReader) {}

  list(q: ListDecisionsDto, schools: SchoolScope): Promise<JsonListPage<DecisionDocument>> {
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
