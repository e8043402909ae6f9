/**
 * Every error a user can see carries a stable code (for programs) and a Russian message (for people).
 * The HTTP layer maps the kind to a status once; nothing else inspects messages.
 */
export type ErrorKind =
  | 'validation'
  | 'rule'
  | 'not-found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'unavailable'
  | 'too-large';

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

/** The actor may not do this (HTTP 403). */
export class Forbidden extends VsokoError {
  readonly kind = 'forbidden' as const;
}

export class Unavailable extends VsokoError {
  readonly kind = 'unavailable' as const;
}

/** The input is larger than the service accepts: a file, or what a compressed file expands to (HTTP 413). */
export class PayloadTooLarge extends VsokoError {
  readonly kind = 'too-large' as const;
}

const CLASSES: Record<
  ErrorKind,
  new (code: string, message: string, details?: Record<string, unknown>) => VsokoError
> = {
  validation: ValidationFailed,
  rule: DomainRuleViolation,
  'not-found': NotFound,
  conflict: Conflict,
  forbidden: Forbidden,
  unavailable: Unavailable,
  'too-large': PayloadTooLarge,
  unauthorized: class Unauthorized extends VsokoError {
    readonly kind = 'unauthorized' as const;
  },
};

/** Rebuilds an error that crossed a process boundary (e.g. a Temporal failure) from its kind and code. */
export function vsokoError(
  kind: ErrorKind,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): VsokoError {
  return new CLASSES[kind](code, message, details);
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && value in CLASSES;
}

/**
 * An aggregate's `fail`: most refusals are rule violations (422); the few codes listed are about who acts,
 * what exists or what was already done, and callers answer them differently (403, 404, 409).
 */
export type Fail = (code: string, message: string, details?: Record<string, unknown>) => never;

/** Callers declare the result with the type `Fail`, so that the compiler narrows after a call. */
export function failureOf(kindByCode: Readonly<Record<string, ErrorKind>>): Fail {
  return (code, message, details) => {
    throw vsokoError(kindByCode[code] ?? 'rule', code, message, details);
  };
}
