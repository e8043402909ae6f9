import {
  CREDENTIALS_EVENT_TYPES,
  DISTRICT_EVENT_TYPES,
  PERSON_EVENT_TYPES,
  PROCEDURE_EVENT_TYPES,
  type ProcedureEvent,
} from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { procedureIdOf } from '../context';
import { decisionDocumentId } from '../decisions/decision-document';
import type { Projection } from '../projection';
import type { AuditEntry } from './audit-entry';
import { auditedCredentialsData } from './describe-credentials-event';
import { describeEvent } from './describe-event';

/**
 * Every procedure event, the organisation's (who was given which position, who was switched off, by whom) and the
 * credentials' (invitations, passwords set, changed and reset — never the secret or the link's digest).
 */
const AUDITED_EVENTS: readonly string[] = [
  ...PROCEDURE_EVENT_TYPES,
  ...DISTRICT_EVENT_TYPES,
  ...PERSON_EVENT_TYPES,
  ...CREDENTIALS_EVENT_TYPES,
];
const CREDENTIALS: ReadonlySet<string> = new Set(CREDENTIALS_EVENT_TYPES);

/** The audit timeline: every event once, written as it is and never changed. */
export const auditProjection: Projection<AuditEntry> = {
  collection: 'audit',
  handles: AUDITED_EVENTS,
  immutable: true,
  arrayFields: ['decisionKeys', 'personIds'],
  documentIds: (event) => [event.id],
  evolve(doc, event, ctx) {
    if (doc) return doc;
    const procedureId = procedureIdOf(event);
    return {
      _id: event.id,
      _position: event.position,
      position: event.position,
      streamName: event.streamName,
      revision: event.revision,
      type: event.type,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      schoolId: event.metadata.schoolId,
      academicYear: procedureId === null ? null : (ctx.procedure(procedureId)?.academicYear ?? null),
      procedureId,
      decisionKeys:
        procedureId === null ? [] : decisionIdsOf(event).map((d) => decisionDocumentId(procedureId, d)),
      personIds: personIdsOf(event),
      summary: describeEvent(event),
      data: CREDENTIALS.has(event.type) ? auditedCredentialsData(event) : event.data,
    };
  },
  indexes: [
    { key: { procedureId: 1, position: 1 }, name: 'procedure_position' },
    { key: { decisionKeys: 1, position: 1 }, name: 'decision_position' },
    { key: { personIds: 1, position: 1 }, name: 'person_position' },
    { key: { schoolId: 1, position: 1 }, name: 'school_position' },
  ],
};

function decisionIdsOf(event: RecordedEvent): string[] {
  const e = event as unknown as ProcedureEvent;
  switch (e.type) {
    case 'DecisionsAdopted':
      return e.data.decisions.map((d) => d.decisionId);
    case 'EscalatedToDirector':
      return e.data.subject.kind === 'decision' ? [e.data.subject.decisionId] : [];
    case 'NotificationSent':
    case 'NotificationFailed':
      return e.data.about.decisionId ? [e.data.about.decisionId] : [];
    default: {
      const id = (e.data as { decisionId?: unknown }).decisionId;
      return typeof id === 'string' ? [id] : [];
    }
  }
}

/** The actor and every person the event names (responsible, performer, decision owners). */
function personIdsOf(event: RecordedEvent): string[] {
  const ids = new Set<string>();
  if (event.metadata.actor.kind === 'user') ids.add(event.metadata.actor.id);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'personId' && typeof inner === 'string') ids.add(inner);
        else walk(inner);
      }
    }
  };
  walk(event.data);
  return [...ids].sort();
}
