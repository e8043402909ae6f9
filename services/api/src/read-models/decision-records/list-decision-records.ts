import { Injectable } from '@nestjs/common';
import { decisionRecordProjection, type Condition, type DecisionRecordDocument } from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { scopeFilter } from '../filters';
import type { JsonListPage } from '../json-page';
import { ReadModelReader } from '../read-model-reader';
import type { ListDecisionRecordsDto } from './list-decision-records.dto';

/**
 * `GET /decision-records`: one page of the decisions adopted at meetings (each its own stream), within the
 * caller's schools — by lead executor and only those still in work for a person's «Моя работа», overdue ones in
 * work for the district's school page (read by the index `school_year_overdue`); nearest due first (undated ones
 * last).
 */
@Injectable()
export class ListDecisionRecords {
  constructor(private readonly reader: ReadModelReader) {}

  list(q: ListDecisionRecordsDto, schools: SchoolScope): Promise<JsonListPage<DecisionRecordDocument>> {
    const filter: Record<string, Condition> = { ...scopeFilter(q) };
    if (q.executor) filter['executors.lead.personId'] = q.executor;
    if (q.active === 'true') filter.status = { $in: ['open', 'reopened'] };
    if (q.overdue) filter.overdue = q.overdue === 'true';
    return this.reader.page<DecisionRecordDocument>(
      decisionRecordProjection.collection,
      withinSchools(filter, schools),
      { due: 1, _id: 1 },
      q,
    );
  }
}
