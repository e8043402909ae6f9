import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@vsoko/event-store';
import { CLOCK, EVENT_STORE } from '../infrastructure/tokens';
import type { Clock } from '../infrastructure/clock';
import { ProjectionWaiter } from '../read-models/projection-waiter';

export interface Lag {
  /** The log's last position. */
  head: number;
  /** The last position the read models have folded. */
  checkpoint: number;
  /** Events recorded but not yet in the read models. */
  events: number;
  /** Age of the oldest of them: how stale a read may be; 0 when caught up. */
  seconds: number;
}

/** How far the read models are behind the event log, from the log's head and the projector's checkpoint. */
@Injectable()
export class ProjectorLag {
  private last?: { at: number; lag: Promise<Lag> };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly waiter: ProjectionWaiter,
  ) {}

  /** One measurement serves every caller within a second (a scrape reads several gauges from it). */
  measure(): Promise<Lag> {
    const now = this.clock.now().getTime();
    if (!this.last || now - this.last.at > 1_000) {
      const lag = this.compute(now);
      lag.catch(() => (this.last = undefined));
      this.last = { at: now, lag };
    }
    return this.last.lag;
  }

  private async compute(now: number): Promise<Lag> {
    const [head, checkpoint] = await Promise.all([this.store.headPosition(), this.waiter.position()]);
    if (head <= checkpoint) return { head, checkpoint, events: 0, seconds: 0 };
    const [oldest] = await this.store.readAll({ afterPosition: checkpoint, maxCount: 1 });
    const seconds = oldest ? Math.max(0, (now - Date.parse(oldest.recordedAt)) / 1000) : 0;
    return { head, checkpoint, events: head - checkpoint, seconds };
  }
}
