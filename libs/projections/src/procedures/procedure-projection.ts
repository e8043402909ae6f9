import {
  evolve as evolveProcedure,
  isDecisionOverdue,
  pendingStage,
  PROCEDURE_EVENT_TYPES,
  procedureStreamName,
  type ProcedureEvent,
  type ProcedureEventType,
  type ProcedureState,
} from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { factsOf, procedureIdOf } from '../context';
import type { Projection } from '../projection';
import { responsibleKey } from '../responsible';
import { countDecisions, type ProcedureDocument, type ProcedureSummary } from './procedure-document';

/** Every procedure event except delivery outcomes, which change nothing an administrator looks at. */
const HANDLED: readonly ProcedureEventType[] = PROCEDURE_EVENT_TYPES.filter(
  (t) => !t.startsWith('Notification'),
);

const SUMMARY_KEYS: ReadonlySet<string> = new Set<keyof ProcedureSummary | '_id' | '_position'>([
  '_id',
  '_position',
  'stage',
  'districtId',
  'responsibleKey',
  'overdue',
  'decisionCounts',
  'revision',
  'scheduledAt',
  'scheduledBy',
  'updatedAt',
  'updatedBy',
  'lineage',
]);

/**
 * The procedure as the decider sees it, folded with the domain's own `evolve` (so the read model can never
 * disagree with the rules), plus what lists filter by.
 */
export const procedureProjection: Projection<ProcedureDocument> = {
  collection: 'procedures',
  handles: HANDLED,
  documentIds: (event) => {
    const id = procedureIdOf(event);
    return id !== null && event.streamName === procedureStreamName(id) ? [id] : [];
  },
  evolve: (doc, event, ctx) => procedureProjection.evolveMany!(doc, [event], ctx),
  // The domain state folded through the batch's events and the document built once from it, at the last event
  // that changed the state: what building it after every event would end with, at a fraction of the copies.
  evolveMany(doc, events) {
    let state: ProcedureState = doc ? stateOf(doc) : { status: 'none' };
    let last: RecordedEvent | null = null;
    let origin: Origin | null = doc;
    for (const event of events) {
      const after = evolveProcedure(state, event as unknown as ProcedureEvent);
      if (after === state || after.status === 'none') continue;
      state = after;
      last = event;
      if (origin === null || event.type === 'ProcedureScheduled')
        origin = {
          districtId: factsOf(event).districtId,
          scheduledAt: event.metadata.occurredAt,
          scheduledBy: event.metadata.actor.id,
        };
    }
    if (last === null || origin === null || state.status === 'none') return doc;
    return documentOf(state, last, origin);
  },
  indexes: [
    { key: { schoolId: 1, academicYear: 1, 'window.from': 1 }, name: 'school_year_window' },
    { key: { responsibleKey: 1, academicYear: 1, 'window.from': 1 }, name: 'responsible_year_window' },
    { key: { districtId: 1, academicYear: 1 }, name: 'district_year' },
    { key: { lineage: 1, academicYear: 1 }, name: 'lineage_year' },
  ],
  // A school's plan page reads 50 procedures of one school year: stored together, they are a few adjacent pages.
  cluster: 'school_year_window',
};

type Origin = Pick<ProcedureDocument, 'districtId' | 'scheduledAt' | 'scheduledBy'>;

/** The document of a recorded state, as of `event`, the last one that changed it. */
function documentOf(
  after: Exclude<ProcedureState, { status: 'none' }>,
  event: RecordedEvent,
  origin: Origin,
): ProcedureDocument {
  const decisions = 'followUp' in after && after.followUp ? after.followUp.decisions : [];
  const pending = after.status === 'closed' || after.status === 'cancelled' ? null : pendingStage(after);
  // The state's fields in their order, then the document's own: what `{ ...state, _id, … }` builds, without
  // `delete` (which would turn these large objects into slow dictionaries) and without the spread, which takes
  // V8's slow path for every key added after it (~25 µs a document here, against ~1 µs).
  const doc: Record<string, unknown> = {};
  const source = after as unknown as Record<string, unknown>;
  for (const key of Object.keys(source)) if (key !== 'notificationOutcomes') doc[key] = source[key];
  doc._id = after.procedureId;
  doc._position = event.position;
  doc.stage = after.status;
  doc.districtId = origin.districtId;
  doc.responsibleKey = responsibleKey(after.responsible);
  doc.overdue =
    (pending !== null && after.overdueStages[pending] !== undefined) || decisions.some(isDecisionOverdue);
  doc.decisionCounts = countDecisions(decisions);
  doc.revision = event.revision;
  doc.scheduledAt = origin.scheduledAt;
  doc.scheduledBy = origin.scheduledBy;
  doc.updatedAt = event.metadata.occurredAt;
  doc.updatedBy = event.metadata.actor.id;
  doc.lineage = after.lineageId ?? after.procedureId;
  return doc as unknown as ProcedureDocument;
}

/** The domain state back from a stored document (notification outcomes are not kept, and not needed). */
export function stateOf(doc: ProcedureDocument): ProcedureState {
  const state: Record<string, unknown> = { notificationOutcomes: [] };
  const source = doc as unknown as Record<string, unknown>;
  for (const key of Object.keys(source)) if (!SUMMARY_KEYS.has(key)) state[key] = source[key];
  return state as unknown as ProcedureState;
}
