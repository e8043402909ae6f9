import {
  CREDENTIALS_EVENT_TYPES,
  DECISION_STREAM_EVENT_TYPES,
  DISTRICT_EVENT_TYPES,
  MEETING_EVENT_TYPES,
  PERSON_EVENT_TYPES,
  PROCEDURE_EVENT_TYPES,
  type ProcedureEvent,
} from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { procedureIdOf } from '../context';
import { decisionDocumentId } from '../decisions/decision-document';
import type { EvolveContext, Projection } from '../projection';
import type { AuditEntry } from './audit-entry';
import { auditedCredentialsData } from './describe-credentials-event';
import { describeEvent } from './describe-event';

/**
 * Every procedure event and every event of a decision record or a meeting (planned, held, its protocol corrected),
 * the organisation's (who was given which position, who was switched off, by whom) and the credentials'
 * (invitations, passwords set, changed and reset — never the secret or the link's digest).
 */
const AUDITED_EVENTS: readonly string[] = [
  ...PROCEDURE_EVENT_TYPES,
  ...DECISION_STREAM_EVENT_TYPES,
  ...MEETING_EVENT_TYPES,
  ...DISTRICT_EVENT_TYPES,
  ...PERSON_EVENT_TYPES,
  ...CREDENTIALS_EVENT_TYPES,
];
const CREDENTIALS: ReadonlySet<string> = new Set(CREDENTIALS_EVENT_TYPES);
const DECISION_RECORDS: ReadonlySet<string> = new Set(DECISION_STREAM_EVENT_TYPES);
const MEETINGS: ReadonlySet<string> = new Set(MEETING_EVENT_TYPES);

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
      academicYear: academicYearOf(event, procedureId, ctx),
      procedureId,
      meetingId: meetingIdOf(event),
      decisionKeys: decisionKeysOf(event, procedureId),
      personIds: personIdsOf(event),
      summary: describeEvent(event),
      data: CREDENTIALS.has(event.type) ? auditedCredentialsData(event) : event.data,
    };
  },
  indexes: [
    { key: { procedureId: 1, position: 1 }, name: 'procedure_position' },
    { key: { decisionKeys: 1, position: 1 }, name: 'decision_position' },
    { key: { meetingId: 1, position: 1 }, name: 'meeting_position' },
    { key: { personIds: 1, position: 1 }, name: 'person_position' },
    { key: { schoolId: 1, position: 1 }, name: 'school_position' },
  ],
};

/** The procedure's school year, or the one a decision record was adopted for (its other events do not say). */
function academicYearOf(event: RecordedEvent, procedureId: string | null, ctx: EvolveContext): string | null {
  if (procedureId !== null) return ctx.procedure(procedureId)?.academicYear ?? null;
  const year = (event.data as { academicYear?: unknown }).academicYear;
  return (event.type === 'DecisionAdopted' || event.type === 'MeetingPlanned') && typeof year === 'string'
    ? year
    : null;
}

/** A meeting's own events, and a decision record's adoption at a meeting, are read on that meeting's timeline. */
function meetingIdOf(event: RecordedEvent): string | null {
  const data = event.data as { meetingId?: unknown; adoptedBy?: { kind?: unknown; meetingId?: unknown } };
  if (MEETINGS.has(event.type) && typeof data.meetingId === 'string') return data.meetingId;
  if (event.type === 'DecisionAdopted' && data.adoptedBy?.kind === 'meeting') {
    return typeof data.adoptedBy.meetingId === 'string' ? data.adoptedBy.meetingId : null;
  }
  return null;
}

/**
 * A decision kept on a procedure is `<procedureId>:<decisionId>`; a decision record (its own stream) is its id,
 * unique in the district.
 */
function decisionKeysOf(event: RecordedEvent, procedureId: string | null): string[] {
  if (DECISION_RECORDS.has(event.type)) return [(event.data as { decisionId: string }).decisionId];
  return procedureId === null ? [] : decisionIdsOf(event).map((d) => decisionDocumentId(procedureId, d));
}

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
      // Parsed JSON: own keys only, in Object.entries' order, without an array of pairs per object.
      for (const key in value) {
        const inner = (value as Record<string, unknown>)[key];
        if (key === 'personId' && typeof inner === 'string') ids.add(inner);
        else walk(inner);
      }
    }
  };
  walk(event.data);
  return [...ids].sort();
}
