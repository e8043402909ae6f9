import type { ProcedureEvent } from '@vsoko/domain';
import { procedureIdOf } from '../context';
import { decisionDocumentId } from '../decisions/decision-document';
import type { Projection } from '../projection';
import { responsibleKey } from '../responsible';
import {
  recount,
  summarise,
  type KpiCategory,
  type SchoolYearKpi,
  type TalliedDecision,
} from './kpi-document';

/** One summary per school year: counts in all, per direction, per responsible. */
export const KPI_COLLECTION = 'kpis';

export const kpiProjection: Projection<SchoolYearKpi> = {
  // Each decision's category, which makes a transition countable; the queries read the summary `kpis`.
  collection: 'kpi_tallies',
  handles: [
    'DecisionsAdopted',
    'DecisionOverdue',
    'DecisionDeadlineExtended',
    'DecisionExecuted',
    'DecisionCancelled',
  ],
  documentIds(event, ctx) {
    const procedureId = procedureIdOf(event);
    const facts = procedureId === null ? undefined : ctx.procedure(procedureId);
    return facts ? [`${facts.schoolId}:${facts.academicYear}`] : [];
  },
  evolve(doc, recorded, ctx) {
    const event = recorded as unknown as ProcedureEvent;
    const procedureId = procedureIdOf(recorded) ?? '';
    const facts = ctx.procedure(procedureId);
    if (!facts) return doc;
    const current: SchoolYearKpi = doc ?? {
      _id: ctx.id,
      _position: recorded.position,
      schoolId: facts.schoolId,
      districtId: facts.districtId,
      academicYear: facts.academicYear,
      ...summarise([]),
      decisions: [],
    };
    if (event.type === 'DecisionsAdopted') {
      const known = new Set(current.decisions.map((d) => d.key));
      const fresh = event.data.decisions
        .map((d) => ({
          key: decisionDocumentId(procedureId, d.decisionId),
          category: 'open' as const,
          direction: facts.direction,
          responsibleKey: responsibleKey(d.responsible),
          responsibleName: d.responsible.name,
          deadline: d.deadline,
        }))
        .filter((d) => !known.has(d.key));
      return { ...current, decisions: [...current.decisions, ...fresh], ...recount(current, [], fresh) };
    }
    if (!('decisionId' in event.data)) return doc;
    const key = decisionDocumentId(procedureId, event.data.decisionId);
    const index = current.decisions.findIndex((d) => d.key === key);
    if (index < 0) return doc;
    const before = current.decisions[index];
    const after = moved(before, event);
    if (after === before) return doc;
    const decisions: TalliedDecision[] = [...current.decisions];
    decisions[index] = after;
    return { ...current, decisions, ...recount(current, [before], [after]) };
  },
  indexes: [],
  summary: {
    collection: KPI_COLLECTION,
    of: ({ decisions: _decisions, ...summary }) => summary,
    indexes: [
      { key: { academicYear: 1, districtId: 1 }, name: 'year_district' },
      { key: { academicYear: 1, schoolId: 1 }, name: 'year_school' },
    ],
  },
};

function moved(d: TalliedDecision, event: ProcedureEvent): TalliedDecision {
  const settled: KpiCategory[] = ['executedOnTime', 'executedLate', 'cancelled'];
  if (settled.includes(d.category)) return d;
  switch (event.type) {
    case 'DecisionOverdue':
      return event.data.deadline === d.deadline ? { ...d, category: 'overdue' } : d;
    case 'DecisionDeadlineExtended':
      return { ...d, category: 'open', deadline: event.data.deadline };
    case 'DecisionExecuted':
      return { ...d, category: event.data.executedOn <= d.deadline ? 'executedOnTime' : 'executedLate' };
    case 'DecisionCancelled':
      return { ...d, category: 'cancelled' };
    default:
      return d;
  }
}
