import { Inject, Injectable } from '@nestjs/common';
import { Conflict, VsokoError } from '@vsoko/domain';
import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Clock } from '../infrastructure/clock';
import { CLOCK, READ_DB } from '../infrastructure/tokens';

interface KeyReceipt {
  _id: string;
  fingerprint: string;
  at: string;
}

export const IDEMPOTENCY_KEYS_COLLECTION = 'idempotency_keys';

/**
 * An Idempotency-Key names one command. The workflow already answers a retried command id with its first
 * outcome; this keeps that answer from reaching a *different* command sent with the same key, which would
 * otherwise be dropped in silence. The first request holds the key (a receipt with its fingerprint) before
 * it runs, so of two racing requests exactly one may run; a refused command gives the key back.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(
    @Inject(READ_DB) private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run<T>(
    key: string | undefined,
    schoolId: string,
    command: unknown,
    execute: () => Promise<T>,
  ): Promise<T> {
    if (key === undefined) return execute();
    const _id = `${schoolId}:${key}`;
    const fingerprint = createHash('sha256').update(canonicalJson(command)).digest('hex');
    const receipts = this.db.collection<KeyReceipt>(IDEMPOTENCY_KEYS_COLLECTION);
    try {
      await receipts.updateOne(
        { _id },
        { $setOnInsert: { fingerprint, at: this.clock.now().toISOString() } },
        { upsert: true },
      );
    } catch (e) {
      // Two first uses at once: the loser of the upsert race reads the winner's receipt below.
      if ((e as { code?: number }).code !== 11000) throw e;
    }
    const held = await receipts.findOne({ _id });
    if (held && held.fingerprint !== fingerprint) {
      throw new Conflict(
        'IDEMPOTENCY_KEY_REUSED',
        'Ключ Idempotency-Key уже использован для другой команды или с другим телом запроса',
      );
    }
    try {
      return await execute();
    } catch (e) {
      // Nothing was recorded (a refusal), so a corrected request may use the key; after a timeout we cannot know.
      if (e instanceof VsokoError && e.kind !== 'unavailable') await receipts.deleteOne({ _id, fingerprint });
      throw e;
    }
  }
}

/** JSON with object keys sorted, so that the same command always has the same fingerprint. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
