import type { Client } from '@temporalio/client';
import { VsokoError, type CommandContext, type ProcedureCommand } from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src';
import { ProcedureClient } from '../procedure/client';

export type CommandResult =
  | { outcome: 'applied'; revision: number; position: number; eventTypes: string[] }
  | { outcome: 'refused'; code: string; message: string };

/**
 * Sends one command to a procedure's workflow through the shared client. A refusal is an answer, not a failure;
 * anything else (Temporal away, an answer too late) is thrown so the activity retries, and the command's
 * deterministic id makes the retry harmless.
 */
export async function sendProcedureCommand(
  client: Client,
  command: ProcedureCommand,
  context: CommandContext,
  log?: EventStore,
): Promise<CommandResult> {
  try {
    return { outcome: 'applied', ...(await new ProcedureClient(client, log).send({ command, context })) };
  } catch (e) {
    if (e instanceof VsokoError && e.kind !== 'unavailable') {
      return { outcome: 'refused', code: e.code, message: e.message };
    }
    throw e;
  }
}
