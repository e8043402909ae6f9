import {
  procedureDecider,
  procedureStreamName,
  type ProcedureEvent,
  type ProcedureState,
} from '../../libs/domain/src';
import { DeciderHandler } from '../../libs/event-sourcing/src';
import type { EventStore } from '../../libs/event-store/src';
import type { CarriedState } from './definitions';

/**
 * A procedure's state folded from the log, in the form a workflow run carries it (continue-as-new's input). Null
 * when the log has no event of the procedure. This is how a procedure scheduled without its workflow (a plan's
 * lazy start, ADR 0009) gets one: started from what the log says, as a continued run would be. The run
 * remembers no earlier command outcomes (the log keeps no command ids): a command sent again is decided again
 * on the state, where the decider refuses what was done already, and the append's expected revision guards
 * the stream either way.
 */
export async function carriedFromLog(log: EventStore, procedureId: string): Promise<CarriedState | null> {
  const loaded = await new DeciderHandler(log).load<ProcedureState, ProcedureEvent>(
    procedureStreamName(procedureId),
    procedureDecider,
  );
  if (loaded.revision < 0) return null;
  return { state: loaded.state, revision: loaded.revision, position: loaded.position, recentCommands: [] };
}
