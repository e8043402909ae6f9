import type { Actor, CommandContext } from '@vsoko/domain';
import type { Clock, IdGenerator } from '../infrastructure/clock';
import { checkId } from '../shared/ids';
import { commandContext, headerKey, revisionOf } from '../shared/request-context';

/** A write's context from the request: Idempotency-Key becomes the command id, If-Match the expected revision. */
export function writeOf(
  actor: Actor,
  schoolId: string,
  headers: Record<string, string>,
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
