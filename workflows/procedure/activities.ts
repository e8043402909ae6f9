import { ApplicationFailure } from '@temporalio/common';
import type { CommandContext, DomainEvent } from '../../libs/domain/src';
import { metadataFor } from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
import { deterministicEventId } from '../../libs/event-sourcing/src';
import { FAILURE_PREFIX } from './definitions';

// Kept only until the plan use cases import it from libs/event-sourcing, where it is defined.
export { deterministicEventId } from '../../libs/event-sourcing/src';

export interface AppendInput {
  streamName: string;
  /** Revision the workflow believes the stream is at (-1 for a new stream). */
  expectedRevision: number;
  context: CommandContext;
  events: DomainEvent[];
}

export interface AppendOutput {
  revision: number;
  position: number;
}

export function createProcedureActivities(deps: { store: EventStore }) {
  return {
    async appendEvents(input: AppendInput): Promise<AppendOutput> {
      const metadata = metadataFor(input.context);
      try {
        const result = await deps.store.append(
          input.streamName,
          input.events.map((e, i) => ({
            id: deterministicEventId(input.streamName, input.context.commandId, i),
            type: e.type,
            data: e.data,
            metadata,
          })),
          input.expectedRevision < 0 ? 'no_stream' : input.expectedRevision,
        );
        return { revision: result.nextExpectedRevision, position: result.position };
      } catch (e) {
        const err = e as { kind?: string; code?: string; message?: string };
        if (err.kind === 'conflict' || err.kind === 'validation') {
          // The workflow is the stream's only writer: a conflict here means the log and the workflow disagree,
          // which retrying cannot fix.
          throw ApplicationFailure.nonRetryable(
            err.message ?? String(e),
            FAILURE_PREFIX + 'conflict',
            err.code,
            null,
          );
        }
        throw e;
      }
    },
  };
}

export type ProcedureActivities = ReturnType<typeof createProcedureActivities>;
