import {
  decide,
  evolve,
  initialState,
  pendingTimers,
  procedureStreamName,
  timerPolicy,
  type Actor,
  type CommandContext,
  type ProcedureCommand,
  type ProcedureState,
  type TimerKind,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { AppendResult, EventStore } from '@vsoko/event-store';

export const SYSTEM: Actor = { id: 'system', kind: 'system', name: 'vsoko' };

/**
 * One procedure driven through the real decider and appended to a real store, the way the workflow does it
 * (deterministic event ids, expected revision), without Temporal: test data for read models and as-of replays.
 */
export class ProcedureDriver {
  state: ProcedureState = initialState;
  private revision = -1;
  private commands = 0;
  private readonly handler: DeciderHandler;

  constructor(
    store: EventStore,
    readonly procedureId: string,
    readonly schoolId: string,
    private readonly extraMetadata: Record<string, string> = {},
  ) {
    this.handler = new DeciderHandler(store);
  }

  get streamName(): string {
    return procedureStreamName(this.procedureId);
  }

  async run(command: ProcedureCommand, actor: Actor, issuedAt: string): Promise<AppendResult | null> {
    const commandId = `${this.procedureId}#${++this.commands}`;
    const ctx: CommandContext = {
      commandId,
      actor,
      issuedAt,
      correlationId: this.procedureId,
      causationId: commandId,
      schoolId: this.schoolId,
    };
    const events = decide(command, this.state, ctx);
    if (events.length === 0) return null;
    const result = await this.handler.append(this.streamName, events, ctx, {
      expectedRevision: this.revision,
      metadata: this.extraMetadata,
    });
    this.state = events.reduce(evolve, this.state);
    this.revision = result.revision;
    return { nextExpectedRevision: result.revision, position: result.position };
  }

  /** Fires the first pending timer of this kind (for this decision), at the instant it falls due. */
  async fire(kind: TimerKind, decisionId?: string): Promise<AppendResult | null> {
    if (this.state.status === 'none') throw new Error('not scheduled');
    const zone = 'timeZone' in this.state ? this.state.timeZone : 'Europe/Moscow';
    const timer = pendingTimers(this.state, timerPolicy(zone)).find(
      (t) => t.kind === kind && (decisionId === undefined || t.decisionId === decisionId),
    );
    if (!timer) throw new Error(`no pending ${kind} timer for ${this.procedureId} ${decisionId ?? ''}`);
    return this.run(timer.command, SYSTEM, timer.at);
  }
}
