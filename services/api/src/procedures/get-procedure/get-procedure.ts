import { Inject, Injectable } from '@nestjs/common';
import { procedureNotFound } from '@vsoko/domain';
import { procedureProjection, type ProcedureDocument, type ReadStore } from '@vsoko/projections';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { READ_STORE } from '../../infrastructure/tokens';
import { ProjectionWaiter } from '../../read-models/projection-waiter';

/** `GET /procedures/:id`: the procedure's read model, after the client's own write when it asks to wait for it. */
@Injectable()
export class GetProcedure {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly waiter: ProjectionWaiter,
  ) {}

  /** Another school's procedure answers exactly as an unknown one. */
  async get(
    procedureId: string,
    schools: SchoolScope,
    wait: { waitForPosition?: number; timeoutMs?: number } = {},
  ): Promise<ProcedureDocument> {
    if (wait.waitForPosition !== undefined)
      await this.waiter.waitFor(wait.waitForPosition, wait.timeoutMs ?? 5_000);
    const doc = await this.readStore.get<ProcedureDocument>(procedureProjection.collection, procedureId);
    const readable = schools === 'any' || (doc !== null && schools.includes(doc.schoolId));
    if (!doc || !readable) throw procedureNotFound(procedureId);
    return doc;
  }
}
