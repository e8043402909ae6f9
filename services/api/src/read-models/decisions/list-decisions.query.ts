import { Query } from '@nestjs/cqrs';
import type { DecisionDocument } from '@vsoko/projections';
import type { Page } from '../page-query.dto';
import type { ListDecisionsDto } from './list-decisions.dto';

export class ListDecisionsQuery extends Query<Page<DecisionDocument>> {
  constructor(readonly filter: ListDecisionsDto) {
    super();
  }
}
