import { Query } from '@nestjs/cqrs';
import type { ProcedureDocument } from '@vsoko/projections';
import type { SchoolScope } from '../../auth/readable-schools.decorator';

export class GetProcedureQuery extends Query<ProcedureDocument> {
  constructor(
    readonly procedureId: string,
    /** Another school's procedure answers exactly as an unknown one. */
    readonly schools: SchoolScope,
    readonly waitForPosition?: number,
    readonly timeoutMs = 5_000,
  ) {
    super();
  }
}
