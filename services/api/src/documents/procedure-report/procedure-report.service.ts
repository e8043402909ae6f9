import { Inject, Injectable } from '@nestjs/common';
import { procedureReportData, ruToday } from '@vsoko/documents';
import { NotFound, procedureDecider, procedureStreamName } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { DocumentRenderer } from '../shared/document-renderer';

/**
 * GET /procedures/:id/report.docx — the skeleton of the аналитическая справка, from a replay of the procedure's
 * stream. Another school's procedure answers exactly like an unknown one.
 */
@Injectable()
export class ProcedureReportDocument {
  constructor(
    private readonly handler: DeciderHandler,
    private readonly renderer: DocumentRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async docx(procedureId: string, schools: SchoolScope): Promise<Buffer> {
    const { state } = await this.handler.load(procedureStreamName(procedureId), procedureDecider);
    if (state.status === 'none' || (schools !== 'any' && !schools.includes(state.schoolId))) {
      throw new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не найдена`);
    }
    const data = procedureReportData(state, ruToday(this.clock.now(), state.timeZone));
    return this.renderer.renderFor(state.schoolId, 'procedure-report', data);
  }
}
