import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import type { CommandContext, DomainEvent } from '../../libs/domain/src';
import { metadataFor } from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
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

/**
 * Event ids are a hash of the stream, the command and the event's index, so a retried activity appends the
 * same ids at the same place and the store recognises them instead of writing twice.
 */
export function deterministicEventId(streamName: string, commandId: string, index: number): string {
  const h = createHash('sha256').update(`${streamName}\u0000${commandId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
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
