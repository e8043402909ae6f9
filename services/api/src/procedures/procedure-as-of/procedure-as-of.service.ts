import { Inject, Injectable } from '@nestjs/common';
import { NotFound, procedureStreamName } from '@vsoko/domain';
import type { EventStore } from '@vsoko/event-store';
import { procedureProjection, type ProcedureDocument } from '@vsoko/projections';
import type { Db } from 'mongodb';
import { EVENT_STORE, READ_DB } from '../../infrastructure/tokens';
import { stateAsOf, type AsOfBasis, type ProcedureAsOf } from './state-as-of';

/**
 * History from the log itself: each procedure's state is a replay of its stream up to the moment. The read model
 * only says which streams belong to a school's year (a procedure, once scheduled, is never removed from it).
 */
@Injectable()
export class ProcedureAsOfService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Db,
  ) {}

  async procedure(procedureId: string, at: string, basis: AsOfBasis): Promise<ProcedureAsOf> {
    const events = await this.store.readStream(procedureStreamName(procedureId));
    const result = stateAsOf(procedureId, events, at, basis);
    if (result.state.status === 'none')
      throw new NotFound(
        'PROCEDURE_NOT_FOUND',
        `Процедура ${procedureId} на этот момент не была запланирована`,
      );
    return result;
  }

  async plan(schoolId: string, academicYear: string, at: string, basis: AsOfBasis) {
    const ids = await this.db
      .collection<ProcedureDocument>(procedureProjection.collection)
      .find({ schoolId, academicYear }, { projection: { _id: 1 } })
      .toArray();
    const procedures: ProcedureAsOf[] = [];
    for (const { _id } of ids) {
      const events = await this.store.readStream(procedureStreamName(_id));
      const result = stateAsOf(_id, events, at, basis);
      if (result.state.status !== 'none') procedures.push(result);
    }
    procedures.sort(
      (a, b) => windowFrom(a).localeCompare(windowFrom(b)) || a.procedureId.localeCompare(b.procedureId),
    );
    return { schoolId, academicYear, at: new Date(Date.parse(at)).toISOString(), basis, procedures };
  }
}

function windowFrom(p: ProcedureAsOf): string {
  return p.state.status === 'none' ? '' : p.state.window.from;
}
