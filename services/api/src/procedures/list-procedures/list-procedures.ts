import { Injectable } from '@nestjs/common';
import { procedureProjection, type Condition, type ProcedureDocument } from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { scopeFilter } from '../../read-models/filters';
import type { JsonListPage } from '../../read-models/json-page';
import { sortSpec } from '../../read-models/page-query.dto';
import { ReadModelReader } from '../../read-models/read-model-reader';
import type { ListProceduresDto } from './list-procedures.dto';

/** `GET /procedures`: one page of the plan's procedures, within the schools the caller may read. */
@Injectable()
export class ListProcedures {
  constructor(private readonly reader: ReadModelReader) {}

  list(q: ListProceduresDto, schools: SchoolScope): Promise<JsonListPage<ProcedureDocument>> {
    const filter: Record<string, Condition> = { ...scopeFilter(q) };
    if (q.stage) filter.stage = q.stage;
    if (q.direction) filter.direction = q.direction;
    if (q.overdue) filter.overdue = q.overdue === 'true';
    return this.reader.page<ProcedureDocument>(
      procedureProjection.collection,
      withinSchools(filter, schools),
      sortSpec(q.sort),
      q,
    );
  }
}
