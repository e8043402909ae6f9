import { VsokoError, vsokoError, type ErrorKind } from '@vsoko/domain';

/** A refusal as plain data: an error's class and code do not survive a thread boundary, its fields do. */
export interface RefusalData {
  kind: ErrorKind;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** What a worker task answers: its value, or the refusal it met (a bad file, a broken template). */
export type WorkerOutcome<T> = { ok: true; value: T } | { ok: false; error: RefusalData };

/**
 * Runs a task's work inside the worker thread: a refusal (any VsokoError) comes back as data; anything else is
 * thrown and fails the task, as a bug should.
 */
export async function outcomeOf<T>(work: () => T | Promise<T>): Promise<WorkerOutcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    if (!(e instanceof VsokoError)) throw e;
    return { ok: false, error: { kind: e.kind, code: e.code, message: e.message, details: e.details } };
  }
}

/** Back on the calling thread: the value, or the same refusal as a real error again. */
export function valueOf<T>(outcome: WorkerOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  const { kind, code, message, details } = outcome.error;
  throw vsokoError(kind, code, message, details);
}
