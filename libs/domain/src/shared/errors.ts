/**
 * Every error a user can see carries a stable code (for programs) and a Russian message (for people).
 * The HTTP layer maps the kind to a status once; nothing else inspects messages.
 */
export type ErrorKind = 'validation' | 'rule' | 'not-found' | 'conflict' | 'unauthorized' | 'forbidden';

export abstract class VsokoError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A domain rule forbids the command in the current state (HTTP 422). */
export class DomainRuleViolation extends VsokoError {
  readonly kind = 'rule' as const;
}

/** The input itself is malformed (HTTP 400). */
export class ValidationFailed extends VsokoError {
  readonly kind = 'validation' as const;
}

export class NotFound extends VsokoError {
  readonly kind = 'not-found' as const;
}

/** A concurrent writer or a duplicate got there first (HTTP 409). */
export class Conflict extends VsokoError {
  readonly kind = 'conflict' as const;
}
