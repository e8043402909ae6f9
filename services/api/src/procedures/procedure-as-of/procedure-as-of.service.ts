import { Inject, Injectable } from '@nestjs/common';
import { NotFound, procedureDecider, procedureStreamName } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { verifyStream, type EventStore, type VerifyReport } from '@vsoko/event-store';
import { procedureProjection, type ProcedureDocument, type ReadStore } from '@vsoko/projections';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { EVENT_STORE, READ_STORE } from '../../infrastructure/tokens';
import { knownAt, type AsOfBasis, type ProcedureAsOf } from './state-as-of';

/**
 * History from the log itself: each procedure's state is a replay of its stream up to the moment. The read model
 * only says which streams belong to a school's year (a procedure, once scheduled, is never removed from it).
 */
@Injectable()
export class ProcedureAsOfService {
  constructor(
    private readonly handler: DeciderHandler,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Another school's procedure answers exactly as one not scheduled at that moment. */
  async procedure(
    procedureId: string,
    at: string,
    basis: AsOfBasis,
    schools: SchoolScope,
  ): Promise<ProcedureAsOf> {
    const result = await this.stateAsOf(procedureId, at, basis);
    const { state } = result;
    if (state.status === 'none' || (schools !== 'any' && !schools.includes(state.schoolId)))
      throw new NotFound(
        'PROCEDURE_NOT_FOUND',
        `Процедура ${procedureId} на этот момент не была запланирована`,
      );
    return result;
  }

  /**
   * The procedure stream's hash chain, checked as stored. The school comes from its first event; another
   * school's procedure answers exactly like one never scheduled.
   */
  async chain(procedureId: string, schools: SchoolScope): Promise<{ procedureId: string } & VerifyReport> {
    const stream = procedureStreamName(procedureId);
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    const schoolId = (first?.data as { schoolId?: string } | undefined)?.schoolId;
    if (!schoolId || (schools !== 'any' && !schools.includes(schoolId)))
      throw new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не найдена`);
    return { procedureId, ...(await verifyStream(this.store, stream)) };
  }

  async plan(schoolId: string, academicYear: string, at: string, basis: AsOfBasis) {
    const ids = await this.readStore.find<ProcedureDocument>(procedureProjection.collection, {
      where: { schoolId, academicYear },
    });
    const procedures: ProcedureAsOf[] = [];
    for (const { _id } of ids) {
      const result = await this.stateAsOf(_id, at, basis);
      if (result.state.status !== 'none') procedures.push(result);
    }
    procedures.sort(
      (a, b) => windowFrom(a).localeCompare(windowFrom(b)) || a.procedureId.localeCompare(b.procedureId),
    );
    return { schoolId, academicYear, at: new Date(Date.parse(at)).toISOString(), basis, procedures };
  }

  private async stateAsOf(procedureId: string, at: string, basis: AsOfBasis): Promise<ProcedureAsOf> {
    const moment = Date.parse(at);
    const { state, revision, position } = await this.handler.load(
      procedureStreamName(procedureId),
      procedureDecider,
      { include: knownAt(moment, basis) },
    );
    return { procedureId, at: new Date(moment).toISOString(), basis, revision, position, state };
  }
}

function windowFrom(p: ProcedureAsOf): string {
  return p.state.status === 'none' ? '' : p.state.window.from;
}
