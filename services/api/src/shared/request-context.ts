import type { Actor, CommandContext } from '@vsoko/domain';
import { ValidationFailed } from '@vsoko/domain';
import type { Clock, IdGenerator } from '../infrastructure/clock';
import { checkId } from './ids';

/** What a write request carries besides its body: who acts, and the client's retry and tracing keys. */
export interface RequestContext {
  actor: Actor;
  idempotencyKey?: string;
  correlationId?: string;
}

/** The metadata every recorded event carries; an Idempotency-Key becomes the command id. */
export function commandContext(
  request: RequestContext,
  schoolId: string,
  clock: Clock,
  ids: IdGenerator,
): CommandContext {
  const commandId = request.idempotencyKey ?? ids.next();
  return {
    commandId,
    actor: request.actor,
    issuedAt: clock.now().toISOString(),
    correlationId: request.correlationId ?? commandId,
    causationId: commandId,
    schoolId,
  };
}

/** Idempotency-Key and X-Correlation-Id: short tokens, so they are safe as ids and in logs. */
export function headerKey(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\w.:-]{1,128}$/.test(value))
    throw new ValidationFailed('INVALID_HEADER', `${name}: до 128 символов [A-Za-z0-9_.:-]`);
  return value;
}

/** If-Match: "<revision>" — the procedure revision the client saw. */
export function revisionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!m)
    throw new ValidationFailed('INVALID_IF_MATCH', 'If-Match: версия процедуры — целое число, например "3"');
  return Number(m[1]);
}

/** A write's context from the request: Idempotency-Key becomes the command id, If-Match the expected revision. */
export function writeOf(
  actor: Actor,
  schoolId: string,
  headers: Record<string, string | undefined>,
  clock: Clock,
  ids: IdGenerator,
): { ctx: CommandContext; expectedRevision?: number } {
  const request = {
    actor,
    idempotencyKey: headerKey(headers['idempotency-key'], 'Idempotency-Key'),
    correlationId: headerKey(headers['x-correlation-id'], 'X-Correlation-Id'),
  };
  const expectedRevision = revisionOf(headers['if-match']);
  return {
    ctx: commandContext(request, schoolId, clock, ids),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
}

export function idOf(value: string, what: string): string {
  return checkId(value, `Неверный идентификатор ${what}`);
}
