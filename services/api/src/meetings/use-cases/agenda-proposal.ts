import { Injectable } from '@nestjs/common';
import type { AgendaItem, MeetingLevel } from '@vsoko/domain';
import {
  decisionRecordProjection,
  procedureProjection,
  type DecisionRecordDocument,
  type ProcedureDocument,
} from '@vsoko/projections';
import { ReadModelReader } from '../../read-models/read-model-reader';

const MAX_TITLE = 300;
const clip = (text: string) => (text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text);

/**
 * The agenda a new meeting starts with: the school's procedures whose analysis is ready for discussion, then
 * every decision of earlier meetings still in work or judged not effective, carried over until resolved.
 * The secretary edits it afterwards (each change with a reason).
 */
@Injectable()
export class AgendaProposal {
  constructor(private readonly reader: ReadModelReader) {}

  async propose(schoolId: string, _level: MeetingLevel, meetingId: string): Promise<AgendaItem[]> {
    const procedures = await this.reader.find<ProcedureDocument>(procedureProjection.collection, {
      where: { schoolId, stage: 'analysed' },
      limit: 50,
    });
    const decisions = await this.reader.find<DecisionRecordDocument>(decisionRecordProjection.collection, {
      where: { schoolId, status: { $in: ['open', 'reopened'] } },
      limit: 200,
    });
    const carried = decisions
      .filter((d) => d.meetingId !== meetingId)
      .sort((a, b) => rank(a) - rank(b) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    const items: Array<Omit<AgendaItem, 'itemId'>> = [
      ...procedures.map((p) => ({
        title: clip(`Результаты: ${p.title}`),
        subject: { kind: 'procedure' as const, procedureId: p.procedureId },
      })),
      ...carried.map((d) => ({
        title: clip(
          `${d.status === 'reopened' ? 'Неэффективное решение' : d.overdue ? 'Просроченное решение' : 'О ходе исполнения решения'}: ${d.wording}`,
        ),
        subject: { kind: 'decision' as const, decisionId: d.decisionId },
      })),
    ];
    return items.map((item, i) => ({ itemId: `item-${i + 1}`, ...item }));
  }
}

/** Not effective first, then overdue, then the rest. */
function rank(d: DecisionRecordDocument): number {
  return d.status === 'reopened' ? 0 : d.overdue ? 1 : 2;
}
