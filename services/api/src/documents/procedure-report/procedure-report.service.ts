import { Inject, Injectable } from '@nestjs/common';
import { procedureReportData, ruToday } from '@vsoko/documents';
import {
  earliestDayOf,
  NotFound,
  procedureDecider,
  procedureStreamName,
  type AdoptedBy,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { decisionRecordProjection, type DecisionRecordDocument } from '@vsoko/projections';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { ReadModelReader } from '../../read-models/read-model-reader';
import { DocumentRenderer } from '../shared/document-renderer';
import { SchoolHeadings } from '../shared/school-headings';

const adoptedOn = (by: AdoptedBy) => (by.kind === 'order' ? by.date : (earliestDayOf(by.date) ?? ''));

/**
 * GET /procedures/:id/report.docx — the skeleton of the аналитическая справка, from a replay of the procedure's
 * stream, with the decisions adopted on its results (the decisions read model names the procedures each one is
 * about; withdrawn ones are left out). Another school's procedure answers exactly like an unknown one.
 */
@Injectable()
export class ProcedureReportDocument {
  constructor(
    private readonly handler: DeciderHandler,
    private readonly reader: ReadModelReader,
    private readonly renderer: DocumentRenderer,
    private readonly headings: SchoolHeadings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async docx(
    procedureId: string,
    schools: SchoolScope,
    wait: { waitForPosition?: number; timeoutMs: number } = { timeoutMs: 5_000 },
  ): Promise<Buffer> {
    const { state } = await this.handler.load(procedureStreamName(procedureId), procedureDecider);
    if (state.status === 'none' || (schools !== 'any' && !schools.includes(state.schoolId))) {
      throw new NotFound('PROCEDURE_NOT_FOUND', `Процедура ${procedureId} не найдена`);
    }
    await this.reader.waitFor(wait);
    const yearDecisions = await this.reader.find<DecisionRecordDocument>(
      decisionRecordProjection.collection,
      {
        where: { schoolId: state.schoolId, academicYear: state.academicYear },
      },
    );
    const adopted = yearDecisions
      .filter((d) => d.procedureIds.includes(procedureId) && d.status !== 'withdrawn')
      .sort(
        (a, b) =>
          adoptedOn(a.adoptedBy).localeCompare(adoptedOn(b.adoptedBy)) ||
          (a.meetingId ?? '').localeCompare(b.meetingId ?? '') ||
          a.number - b.number,
      );
    const data = procedureReportData(
      state,
      ruToday(this.clock.now(), state.timeZone),
      await this.headings.of(state.schoolId),
      adopted,
    );
    return this.renderer.renderFor(state.schoolId, 'procedure-report', data);
  }
}
