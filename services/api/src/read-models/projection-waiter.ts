import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS_CHECKPOINT, type ReadStore } from '@vsoko/projections';
import { Unavailable } from '@vsoko/domain';
import { READ_STORE } from '../infrastructure/tokens';

export const MAX_WAIT_MS = 30_000;

/** Read-your-writes: a query can wait until the read models have folded the log up to a position. */
@Injectable()
export class ProjectionWaiter {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async position(): Promise<number> {
    return (await this.store.checkpoint(READ_MODELS_CHECKPOINT)).position;
  }

  async waitFor(position: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + Math.min(timeoutMs, MAX_WAIT_MS);
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      const reached = await this.position();
      if (reached >= position) return;
      if (Date.now() >= deadline) {
        // Not a client mistake and not our crash: the read side is behind; the client may retry (503 + Retry-After).
        throw new Unavailable(
          'PROJECTION_LAGGING',
          `Данные ещё обновляются (готово до позиции ${reached} из ${position}); повторите запрос`,
          { reached, requested: position },
        );
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
