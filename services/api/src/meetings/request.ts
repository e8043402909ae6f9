import { ValidationFailed, type Actor, type CommandContext } from '@vsoko/domain';
import type { Clock, IdGenerator } from '../infrastructure/clock';
import { commandContext } from '../procedures/schedule-procedure/schedule-procedure.handler';
import { ID_PATTERN } from '../procedures/schedule-procedure/schedule-procedure.dto';

/** A write's context from the request: Idempotency-Key becomes the command id, If-Match the expected revision. */
export function writeOf(
  actor: Actor,
  schoolId: string,
  headers: Record<string, string>,
  clock: Clock,
  ids: IdGenerator,
): { ctx: CommandContext; expectedRevision?: number } {
  const key = (name: string, header: string) => {
    const value = headers[name];
    if (value !== undefined && !/^[\w.:-]{1,128}$/.test(value))
      throw new ValidationFailed('INVALID_HEADER', `${header}: до 128 символов [A-Za-z0-9_.:-]`);
    return value;
  };
  const ctx = commandContext(
    {
      actor,
      idempotencyKey: key('idempotency-key', 'Idempotency-Key'),
      correlationId: key('x-correlation-id', 'X-Correlation-Id'),
    },
    schoolId,
    clock,
    ids,
  );
  const ifMatch = headers['if-match'];
  if (ifMatch === undefined) return { ctx };
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!m) throw new ValidationFailed('INVALID_IF_MATCH', 'If-Match: версия — целое число, например "3"');
  return { ctx, expectedRevision: Number(m[1]) };
}

export function idOf(value: string, what: string): string {
  if (!ID_PATTERN.test(value)) throw new ValidationFailed('INVALID_ID', `Неверный идентификатор ${what}`);
  return value;
}
