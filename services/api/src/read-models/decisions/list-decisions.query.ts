import { Query } from '@nestjs/cqrs';
import type { DecisionDocument } from '@vsoko/projections';
import type { Page } from '../page-query.dto';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import type { ListDecisionsDto } from './list-decisions.dto';

export class ListDecisionsQuery extends Query<Page<DecisionDocument>> {
  constructor(
    readonly filter: ListDecisionsDto,
    readonly schools: SchoolScope,
  ) {
    super();
  }
}
