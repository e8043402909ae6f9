import type {
  DecisionCancelled,
  DecisionDeadlineExtended,
  DecisionExecuted,
  DecisionOverdue,
  DecisionReminderDue,
  DecisionsAdopted,
  EscalatedToDirector,
  RecheckRequested,
} from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { procedureIdOf } from '../context';
import { daysBetween } from '../dates';
import type { EvolveContext, Projection } from '../projection';
import { responsibleKey } from '../responsible';
import { decisionDocumentId, type DecisionDocument } from './decision-document';

type DecisionEvent =
  | DecisionsAdopted
  | DecisionExecuted
  | DecisionDeadlineExtended
  | DecisionCancelled
  | DecisionOverdue
  | DecisionReminderDue
  | EscalatedToDirector
  | RecheckRequested;

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
  ],
  documentIds(recorded) {
    const event = recorded as unknown as DecisionEvent;
    const procedureId = procedureIdOf(recorded);
    if (procedureId === null) return [];
    switch (event.type) {
      case 'DecisionsAdopted':
        return event.data.decisions.map((d) => decisionDocumentId(procedureId, d.decisionId));
      case 'EscalatedToDirector':
        return event.data.subject.kind === 'decision'
          ? [decisionDocumentId(procedureId, event.data.subject.decisionId)]
          : [];
      default:
        return [decisionDocumentId(procedureId, event.data.decisionId)];
    }
  },
  evolve(doc, recorded, ctx) {
    const event = recorded as unknown as DecisionEvent;
    if (event.type === 'DecisionsAdopted') return doc ?? adopted(event, recorded, ctx);
    if (!doc || doc.status === 'executed' || doc.status === 'cancelled') return doc;
    const updatedAt = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'DecisionExecuted': {
        const { executedOn, evidence } = event.data;
        const late = Math.max(0, daysBetween(doc.deadline, executedOn));
        return {
          ...doc,
          status: 'executed',
          executedOn,
          executedAt: updatedAt,
          evidence,
          onTime: late === 0,
          daysLate: late,
          updatedAt,
        };
      }
      case 'DecisionDeadlineExtended': {
        const { previousDeadline, deadline, reason, extendedOn } = event.data;
        const extension = { from: previousDeadline, to: deadline, reason, extendedOn };
        return {
          ...doc,
          deadline,
          status: 'open',
          escalated: false,
          extensions: [...doc.extensions, extension],
          updatedAt,
        };
      }
      case 'DecisionCancelled':
        return { ...doc, status: 'cancelled', cancellationReason: event.data.reason, updatedAt };
      case 'DecisionOverdue':
        return event.data.deadline === doc.deadline ? { ...doc, status: 'overdue', updatedAt } : doc;
      case 'DecisionReminderDue':
        return { ...doc, remindersSent: doc.remindersSent + 1, updatedAt };
      case 'EscalatedToDirector':
        return { ...doc, escalated: true, updatedAt };
      case 'RecheckRequested':
        return {
          ...doc,
          recheckProcedureIds: [...doc.recheckProcedureIds, event.data.child.procedureId],
          updatedAt,
        };
    }
  },
  indexes: [
    { key: { responsibleKey: 1, academicYear: 1, status: 1, deadline: 1 }, name: 'responsible_year_status' },
    { key: { schoolId: 1, academicYear: 1, status: 1, deadline: 1 }, name: 'school_year_status' },
    { key: { districtId: 1, academicYear: 1, status: 1 }, name: 'district_year_status' },
    { key: { procedureId: 1 }, name: 'procedure' },
  ],
};

function adopted(event: DecisionsAdopted, recorded: RecordedEvent, ctx: EvolveContext): DecisionDocument {
  const { procedureId, meeting, recordedOn } = event.data;
  const facts = ctx.procedure(procedureId);
  if (!facts) throw new Error(`decisions: procedure ${procedureId} is not in the read models yet`);
  const decision = event.data.decisions.find((d) => decisionDocumentId(procedureId, d.decisionId) === ctx.id);
  if (!decision) throw new Error(`decisions: ${ctx.id} is not among the adopted decisions`);
  return {
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
    adoptedAt: recorded.metadata.occurredAt,
    adoptedBy: recorded.metadata.actor.id,
    originalDeadline: decision.deadline,
    deadline: decision.deadline,
    status: 'open',
    executedOn: null,
    executedAt: null,
    evidence: null,
    onTime: null,
    daysLate: null,
    extensions: [],
    escalated: false,
    remindersSent: 0,
    recheckProcedureIds: [],
    cancellationReason: null,
    updatedAt: recorded.metadata.occurredAt,
  };
}
