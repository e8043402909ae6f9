import type { ProcedureEvent } from '@vsoko/domain';
import { procedureIdOf } from '../context';
import type { Projection } from '../projection';
import { responsibleKey } from '../responsible';
import type { CalendarEntry } from './calendar-entry';

const procedureEntry = (procedureId: string) => `procedure:${procedureId}`;
const decisionEntry = (procedureId: string, decisionId: string) => `decision:${procedureId}:${decisionId}`;

const isOpen = (doc: CalendarEntry | null): doc is CalendarEntry =>
  doc !== null && (doc.state === 'open' || doc.state === 'overdue');

export const calendarProjection: Projection<CalendarEntry> = {
  collection: 'calendar',
  handles: [
    'ProcedureScheduled',
    'ProcedureRescheduled',
    'ProcedureReassigned',
    'StageOverdue',
    'ProcedurePerformed',
    'ProcedureCancelled',
    'DecisionsAdopted',
    'DecisionDeadlineExtended',
    'DecisionOverdue',
    'DecisionExecuted',
    'DecisionCancelled',
    'ProcedureDecisionReassigned',
  ],
  documentIds(recorded) {
    const event = recorded as unknown as ProcedureEvent;
    const procedureId = procedureIdOf(recorded);
    if (procedureId === null) return [];
    switch (event.type) {
      case 'DecisionsAdopted':
        return event.data.decisions.map((d) => decisionEntry(procedureId, d.decisionId));
      case 'DecisionDeadlineExtended':
      case 'DecisionOverdue':
      case 'DecisionExecuted':
      case 'DecisionCancelled':
      case 'ProcedureDecisionReassigned':
        return [decisionEntry(procedureId, event.data.decisionId)];
      case 'StageOverdue':
        return event.data.stage === 'performance' ? [procedureEntry(procedureId)] : [];
      default:
        return [procedureEntry(procedureId)];
    }
  },
  evolve(doc, recorded, ctx) {
    const event = recorded as unknown as ProcedureEvent;
    switch (event.type) {
      case 'ProcedureScheduled': {
        const d = event.data;
        return (
          doc ?? {
            _id: ctx.id,
            _position: recorded.position,
            kind: 'procedure',
            procedureId: d.procedureId,
            decisionId: null,
            schoolId: d.schoolId,
            academicYear: d.academicYear,
            title: d.title,
            date: d.window.to,
            responsible: d.responsible,
            responsibleKey: responsibleKey(d.responsible),
            state: 'open',
          }
        );
      }
      case 'DecisionsAdopted': {
        if (doc) return doc;
        const facts = ctx.procedure(event.data.procedureId);
        const decision = event.data.decisions.find(
          (d) => decisionEntry(event.data.procedureId, d.decisionId) === ctx.id,
        );
        if (!facts || !decision) throw new Error(`calendar: no procedure facts for ${ctx.id}`);
        return {
          _id: ctx.id,
          _position: recorded.position,
          kind: 'decision',
          procedureId: facts.procedureId,
          decisionId: decision.decisionId,
          schoolId: facts.schoolId,
          academicYear: facts.academicYear,
          title: decision.wording,
          date: decision.deadline,
          responsible: decision.responsible,
          responsibleKey: responsibleKey(decision.responsible),
          state: 'open',
        };
      }
      case 'ProcedureRescheduled':
        return isOpen(doc) ? { ...doc, date: event.data.window.to, state: 'open' } : doc;
      case 'DecisionDeadlineExtended':
        return isOpen(doc) ? { ...doc, date: event.data.deadline, state: 'open' } : doc;
      case 'ProcedureReassigned':
      case 'ProcedureDecisionReassigned': {
        const { responsible } = event.data;
        return isOpen(doc) ? { ...doc, responsible, responsibleKey: responsibleKey(responsible) } : doc;
      }
      case 'StageOverdue':
        return isOpen(doc) && doc.date === event.data.dueDate ? { ...doc, state: 'overdue' } : doc;
      case 'DecisionOverdue':
        return isOpen(doc) && doc.date === event.data.deadline ? { ...doc, state: 'overdue' } : doc;
      case 'ProcedurePerformed':
      case 'DecisionExecuted':
        return isOpen(doc) ? { ...doc, state: 'done' } : doc;
      case 'ProcedureCancelled':
      case 'DecisionCancelled':
        return isOpen(doc) ? { ...doc, state: 'cancelled' } : doc;
      default:
        return doc;
    }
  },
  indexes: [
    { key: { schoolId: 1, state: 1, date: 1 }, name: 'school_state_date' },
    { key: { responsibleKey: 1, state: 1, date: 1 }, name: 'responsible_state_date' },
  ],
};
