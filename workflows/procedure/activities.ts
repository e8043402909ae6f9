import { ApplicationFailure } from '@temporalio/common';
import type { CommandContext, DomainEvent } from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
import { DeciderHandler } from '../../libs/event-sourcing/src';
import { FAILURE_PREFIX } from './definitions';

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

/** The workflow decides; this appends what it decided, so a retried activity writes nothing twice. */
export function createProcedureActivities(deps: { store: EventStore }) {
  const handler = new DeciderHandler(deps.store);
  return {
    async appendEvents(input: AppendInput): Promise<AppendOutput> {
      try {
        const { revision, position } = await handler.append(input.streamName, input.events, input.context, {
          expectedRevision: input.expectedRevision,
        });
        return { revision, position };
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
