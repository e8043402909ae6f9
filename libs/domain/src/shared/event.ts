/** Who did it: a person with a role at a school, the system itself (timers), or an integration. */
export interface Actor {
  id: string;
  kind: 'user' | 'system' | 'integration';
  role?: string;
  name?: string;
  /**
   * The plan's responsible roles the person answers for at the acting school (from their positions, e.g.
   * `class-teacher`, `librarian`); when present it, not `role`, says whose rows are theirs.
   */
  answersFor?: string[];
}

/** An event as a decider produces it: what happened, nothing about where it is stored. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** What travels with every command and lands in every event's metadata. */
export interface CommandContext {
  /** Idempotency key of this command: event ids are derived from it. */
  commandId: string;
  actor: Actor;
  /** When the command was issued; the domain never reads a clock. */
  issuedAt: string;
  correlationId: string;
  causationId: string;
  schoolId: string;
  /** The school's district when known, so district-wide read models need no directory of their own. */
  districtId?: string;
}

export interface EventMetadata {
  actor: Actor;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  schoolId: string;
  [extra: string]: unknown;
}

export function metadataFor(ctx: CommandContext): EventMetadata {
  return {
    actor: ctx.actor,
    occurredAt: ctx.issuedAt,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    schoolId: ctx.schoolId,
    ...(ctx.districtId ? { districtId: ctx.districtId } : {}),
  };
}

/** Compile-time exhaustiveness: a new command or event type that is not handled fails the build. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
