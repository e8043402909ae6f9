import {
  adoptedDecision,
  decisionIdOf,
  evolveOneDecision,
  isDecisionOverdue,
  type Decision,
  type DecisionChange,
  type DecisionsAdopted,
  type RecheckRequested,
} from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { procedureIdOf } from '../context';
import { daysBetween } from '../dates';
import { KPI_ROLLUPS } from '../kpis/kpi-rollups';
import type { EvolveContext, Projection } from '../projection';
import { responsibleKey } from '../responsible';
import { decisionDocumentId, type DecisionDocument } from './decision-document';

type DecisionEvent = DecisionsAdopted | DecisionChange | RecheckRequested;

/**
 * One document per decision, folded with the domain's own `evolveOneDecision` (the rules the procedure
 * follows), plus what lists show and filter by: the meeting, the procedure's facts, days late.
 */
export const decisionProjection: Projection<DecisionDocument> = {
  collection: 'decisions',
  handles: [
    'DecisionsAdopted',
    'DecisionExecuted',
    'DecisionDeadlineExtended',
    'DecisionCancelled',
    'DecisionOverdue',
    'DecisionReminderDue',
    'EscalatedToDirector',
    'RecheckRequested',
    'ProcedureDecisionReassigned',
  ],
  documentIds(recorded) {
    const event = recorded as unknown as DecisionEvent;
    const procedureId = procedureIdOf(recorded);
    if (procedureId === null) return [];
    if (event.type === 'DecisionsAdopted')
      return event.data.decisions.map((d) => decisionDocumentId(procedureId, d.decisionId));
    const decisionId = decisionIdOf(event);
    return decisionId === null ? [] : [decisionDocumentId(procedureId, decisionId)];
  },
  evolve(doc, recorded, ctx) {
    const event = recorded as unknown as DecisionEvent;
    if (event.type === 'DecisionsAdopted') return doc ?? adopted(event, recorded, ctx);
    if (!doc) return doc;
    const updatedAt = recorded.metadata.occurredAt;
    if (event.type === 'RecheckRequested') {
      const recheckProcedureIds = [...doc.recheckProcedureIds, event.data.child.procedureId];
      return { ...doc, recheckProcedureIds, updatedAt, _position: recorded.position };
    }
    const after = evolveOneDecision(decisionOf(doc), event);
    // Stamped with its event's position here (the key keeps its place), so the projector copies it no second time.
    return {
      ...doc,
      ...readModelOf(after, doc.executedAt, updatedAt),
      responsible: after.responsible,
      responsibleKey: responsibleKey(after.responsible),
      updatedAt,
      _position: recorded.position,
    };
  },
  indexes: [
    { key: { responsibleKey: 1, academicYear: 1, status: 1, deadline: 1 }, name: 'responsible_year_status' },
    { key: { schoolId: 1, academicYear: 1, status: 1, deadline: 1 }, name: 'school_year_status' },
    { key: { districtId: 1, academicYear: 1, status: 1 }, name: 'district_year_status' },
    { key: { procedureId: 1 }, name: 'procedure' },
  ],
  rollups: KPI_ROLLUPS,
};

/** The domain's decision back from its document. */
export function decisionOf(doc: DecisionDocument): Decision {
  return {
    decisionId: doc.decisionId,
    wording: doc.wording,
    responsible: doc.responsible,
    status: doc.status === 'overdue' ? 'open' : doc.status,
    deadline: doc.deadline,
    extensions: doc.extensions,
    remindFrom: doc.remindFrom,
    remindersSent: doc.reminders,
    overdue: doc.overdue,
    escalated: doc.escalated,
    ...(doc.executedOn && doc.evidence
      ? { executed: { executedOn: doc.executedOn, evidence: doc.evidence } }
      : {}),
    ...(doc.cancellationReason !== null ? { cancellationReason: doc.cancellationReason } : {}),
  };
}

type DecisionFields = Pick<
  DecisionDocument,
  | 'deadline'
  | 'status'
  | 'extensions'
  | 'overdue'
  | 'escalated'
  | 'remindFrom'
  | 'reminders'
  | 'remindersSent'
  | 'executedOn'
  | 'executedAt'
  | 'evidence'
  | 'onTime'
  | 'daysLate'
  | 'cancellationReason'
>;

/** The document's fields that follow from the domain's decision; `executedAt` is when it was recorded. */
function readModelOf(d: Decision, executedAt: string | null, now: string): DecisionFields {
  const daysLate = d.executed ? Math.max(0, daysBetween(d.deadline, d.executed.executedOn)) : null;
  return {
    deadline: d.deadline,
    status: isDecisionOverdue(d) ? 'overdue' : d.status,
    extensions: [...d.extensions],
    overdue: d.overdue,
    escalated: d.escalated,
    remindFrom: d.remindFrom,
    reminders: d.remindersSent,
    remindersSent: d.remindersSent.length,
    executedOn: d.executed?.executedOn ?? null,
    executedAt: d.executed ? (executedAt ?? now) : null,
    evidence: d.executed?.evidence ?? null,
    onTime: daysLate === null ? null : daysLate === 0,
    daysLate,
    cancellationReason: d.cancellationReason ?? null,
  };
}

function adopted(event: DecisionsAdopted, recorded: RecordedEvent, ctx: EvolveContext): DecisionDocument {
  const { procedureId, meeting, recordedOn } = event.data;
  const facts = ctx.procedure(procedureId);
  if (!facts) throw new Error(`decisions: procedure ${procedureId} is not in the read models yet`);
  // Only this document's decision is built: a meeting's n decisions would otherwise build n² of them.
  const mine = event.data.decisions.find((d) => decisionDocumentId(procedureId, d.decisionId) === ctx.id);
  if (!mine) throw new Error(`decisions: ${ctx.id} is not among the adopted decisions`);
  const decision = adoptedDecision(event, mine);
  const adoptedAt = recorded.metadata.occurredAt;
  const doc = {
    _id: ctx.id,
    _position: recorded.position,
    procedureId,
    decisionId: decision.decisionId,
    schoolId: facts.schoolId,
    districtId: facts.districtId,
    academicYear: facts.academicYear,
    direction: facts.direction,
    procedureTitle: facts.title,
    meeting,
    wording: decision.wording,
    responsible: decision.responsible,
    responsibleKey: responsibleKey(decision.responsible),
    adoptedOn: recordedOn,
    adoptedAt,
    adoptedBy: recorded.metadata.actor.id,
    originalDeadline: decision.deadline,
  };
  // The same keys in the same order as a literal with the fields spread in its middle, which V8 builds on its
  // slow path, key by key, for everything after the spread.
  return Object.assign(doc, readModelOf(decision, null, adoptedAt), {
    recheckProcedureIds: [],
    updatedAt: adoptedAt,
  }) as DecisionDocument;
}
