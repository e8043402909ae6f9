import type { Actor } from '@vsoko/domain';
import type { ProjectedDocument } from '../projection';

/**
 * One recorded event as an auditor reads it; `_id` is the event id. The keys let the same timeline be read per
 * procedure, per decision (`<procedureId>:<decisionId>`), per meeting, per person (the actor and everyone named)
 * and per school.
 */
export interface AuditEntry extends ProjectedDocument {
  position: number;
  streamName: string;
  revision: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  schoolId: string;
  academicYear: string | null;
  procedureId: string | null;
  /** The meeting whose stream the event is on (or that adopted the decision); null otherwise. */
  meetingId: string | null;
  decisionKeys: string[];
  personIds: string[];
  /** What happened, in Russian, for people who do not read event types. */
  summary: string;
  data: unknown;
}
