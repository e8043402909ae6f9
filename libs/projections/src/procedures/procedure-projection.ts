import type { ProcedureScheduled } from '@vsoko/domain';
import type { Projection } from '../projection';
import type { ProcedureDocument } from './procedure-document';

const PREFIX = 'procedure-';

export const procedureProjection: Projection<ProcedureDocument> = {
  collection: 'procedures',
  handles: ['ProcedureScheduled'],
  documentId: (event) => (event.streamName.startsWith(PREFIX) ? event.streamName.slice(PREFIX.length) : null),
  evolve(doc, event) {
    switch (event.type) {
      case 'ProcedureScheduled': {
        const data = event.data as ProcedureScheduled['data'];
        return {
          _id: data.procedureId,
          _position: event.position,
          ...data,
          stage: 'scheduled',
          revision: event.revision,
          scheduledAt: event.metadata.occurredAt,
          scheduledBy: event.metadata.actor.id,
          updatedAt: event.metadata.occurredAt,
        };
      }
      default:
        return doc;
    }
  },
};
