import { ApplicationFailure } from '@temporalio/workflow';
import {
  decide,
  evolve,
  initialState,
  VsokoError,
  type CommandContext,
  type ErrorKind,
  type ProcedureEvent,
  type ProcedureState,
} from '../../libs/domain/src';
import type { AppendInput, AppendOutput } from './activities';
import type { CommandLock } from './command-lock';
import {
  FAILURE_PREFIX,
  type CarriedState,
  type CommandEnvelope,
  type CommandOutcome,
  type ProcedureSnapshot,
} from './definitions';

/** How many command outcomes a run remembers for idempotent retries; carried over by continue-as-new. */
const REMEMBERED_COMMANDS = 200;

export interface CommandRunnerDeps {
  streamName: string;
  carried?: CarriedState;
  lock: CommandLock;
  append(input: AppendInput): Promise<AppendOutput>;
  /** Each recorded event, with its revision, once the state includes it and before the next command runs. */
  recorded(event: ProcedureEvent, revision: number, cause: CommandContext): void;
}

/**
 * Runs commands on one procedure, one at a time: a repeated command id gets its first outcome, a stale
 * If-Match is a conflict, a refusal keeps its kind across Temporal, and the events are appended before they
 * are folded in.
 */
export class CommandRunner {
  private current: ProcedureState;
  private rev: number;
  private pos: number;
  private readonly recent: Map<string, CommandOutcome>;

  constructor(private readonly deps: CommandRunnerDeps) {
    this.current = deps.carried?.state ?? initialState;
    this.rev = deps.carried?.revision ?? -1;
    this.pos = deps.carried?.position ?? 0;
    this.recent = new Map(deps.carried?.recentCommands ?? []);
  }

  get state(): ProcedureState {
    return this.current;
  }

  get revision(): number {
    return this.rev;
  }

  /** The update validator: refuses before anything is recorded, so a refused command leaves no trace. */
  validate(envelope: CommandEnvelope): void {
    if (this.recent.has(envelope.context.commandId)) return;
    checkExpectedRevision(envelope, this.rev);
    decideOrFail(envelope, this.current, false);
  }

  execute(envelope: CommandEnvelope): Promise<CommandOutcome> {
    const waited = this.deps.lock.isLocked();
    return this.deps.lock.runExclusive(() => this.run(envelope, waited));
  }

  snapshot(): ProcedureSnapshot {
    return { state: this.current, revision: this.rev, position: this.pos };
  }

  carry(): CarriedState {
    return {
      state: this.current,
      revision: this.rev,
      position: this.pos,
      recentCommands: [...this.recent.entries()],
    };
  }

  private async run(envelope: CommandEnvelope, waited: boolean): Promise<CommandOutcome> {
    const seen = this.recent.get(envelope.context.commandId);
    if (seen) return seen;
    checkExpectedRevision(envelope, this.rev);
    const events = decideOrFail(envelope, this.current, waited);
    if (events.length > 0) {
      const firstRevision = this.rev + 1;
      const out = await this.deps.append({
        streamName: this.deps.streamName,
        expectedRevision: this.rev,
        context: envelope.context,
        events,
      });
      for (const event of events) this.current = evolve(this.current, event);
      this.rev = out.revision;
      this.pos = out.position;
      events.forEach((event, i) => this.deps.recorded(event, firstRevision + i, envelope.context));
    }
    const outcome: CommandOutcome = {
      revision: this.rev,
      position: this.pos,
      eventTypes: events.map((e) => e.type),
    };
    this.remember(envelope.context.commandId, outcome);
    return outcome;
  }

  private remember(commandId: string, outcome: CommandOutcome): void {
    this.recent.set(commandId, outcome);
    if (this.recent.size > REMEMBERED_COMMANDS) this.recent.delete(this.recent.keys().next().value as string);
  }
}

function checkExpectedRevision(envelope: CommandEnvelope, revision: number): void {
  if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
    throw failure(
      'conflict',
      'REVISION_MISMATCH',
      `Процедура изменилась: ожидалась версия ${envelope.expectedRevision}, текущая ${revision}`,
      {
        expected: envelope.expectedRevision,
        current: revision,
      },
    );
  }
}

/**
 * A refused command keeps its kind and code across Temporal. But when it had to wait for another command that
 * changed the procedure meanwhile, the honest answer is a concurrency conflict (409): it was valid when sent.
 */
function decideOrFail(envelope: CommandEnvelope, state: ProcedureState, waitedForAnother: boolean) {
  try {
    return decide(envelope.command, state, envelope.context);
  } catch (e) {
    if (!(e instanceof VsokoError)) throw e;
    if (waitedForAnother && e.kind === 'rule') {
      throw failure(
        'conflict',
        'CONCURRENT_MODIFICATION',
        `Процедуру одновременно изменил другой пользователь: ${e.message}`,
        {
          rule: e.code,
        },
      );
    }
    throw failure(e.kind, e.code, e.message, e.details);
  }
}

function failure(
  kind: ErrorKind,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: FAILURE_PREFIX + kind,
    message,
    details: [code, details ?? null],
    nonRetryable: true,
  });
}
