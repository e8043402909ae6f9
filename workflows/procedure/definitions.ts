import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CommandContext, ProcedureCommand, ProcedureState } from '../../libs/domain/src';

export const PROCEDURES_TASK_QUEUE = 'procedures';

/** One workflow per procedure; the id is derived from the procedure id, so a repeated start finds the same one. */
export function procedureWorkflowId(procedureId: string): string {
  return `procedure-${procedureId}`;
}

export interface ProcedureWorkflowInput {
  procedureId: string;
  /** Set by continue-as-new: the state folded so far, so the new run needs no replay of the log. */
  carried?: CarriedState;
  /** A command to run at start: a re-check procedure is started by its parent with its ScheduleProcedure. */
  initialCommand?: CommandEnvelope;
}

export interface CarriedState {
  state: ProcedureState;
  revision: number;
  position: number;
  recentCommands: Array<[string, CommandOutcome]>;
}

export interface CommandEnvelope {
  command: ProcedureCommand;
  context: CommandContext;
  /** Optimistic concurrency from the client (If-Match): the revision it last saw. */
  expectedRevision?: number;
}

export interface CommandOutcome {
  /** Revision of the procedure's stream after the command (-1: nothing was ever recorded). */
  revision: number;
  /** Global log position of the last event written; a query can wait until projections reach it. */
  position: number;
  eventTypes: string[];
}

export interface ProcedureSnapshot {
  state: ProcedureState;
  revision: number;
  position: number;
}

export const commandUpdate = defineUpdate<CommandOutcome, [CommandEnvelope]>('command');
export const snapshotQuery = defineQuery<ProcedureSnapshot>('snapshot');

/**
 * Our errors cross Temporal as non-retryable ApplicationFailures of type `vsoko:<kind>` with details
 * `[code, details]`; the client rebuilds the same error (and so the same HTTP status) from them.
 */
export const FAILURE_PREFIX = 'vsoko:';
