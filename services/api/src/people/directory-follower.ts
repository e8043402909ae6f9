import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DirectoryProjector, migrateLegacyDirectory } from '@vsoko/accounts';
import { Unavailable } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { EventStore, Subscription } from '@vsoko/event-store';
import type { Db } from 'mongodb';
import type { Clock } from '../infrastructure/clock';
import { CLOCK, EVENT_STORE, READ_DB } from '../infrastructure/tokens';

/** How long a use case waits for the directory to show what it just recorded before answering 503. */
const WAIT_MS = 10_000;
const RESUBSCRIBE_MS = 1_000;

/**
 * The directory (who works where, in which positions, who is switched off) follows the organisation's events in
 * this process. On start it first moves accounts from before events onto the log, then catches up, so sign-in
 * works as soon as the API listens; administration use cases wait for their own events before answering.
 */
@Injectable()
export class DirectoryFollower implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('DirectoryFollower');
  private readonly projector: DirectoryProjector;
  private subscription?: Subscription;
  private stopped = false;

  constructor(
    @Inject(READ_DB) private readonly db: Db,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.projector = new DirectoryProjector(db);
  }

  async onApplicationBootstrap(): Promise<void> {
    const moved = await migrateLegacyDirectory(this.db, this.handler, this.clock.now());
    if (moved.people + moved.schools + moved.districts > 0) {
      this.log.log(
        `учётные записи перенесены в журнал: районов ${moved.districts}, школ ${moved.schools}, людей ${moved.people}`,
      );
    }
    await this.projector.catchUp(this.store);
    await this.subscribe();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
  }

  /** Read-your-writes: resolves once the directory has folded the log up to `position`. */
  async waitFor(position: number): Promise<void> {
    if (position <= 0) return;
    if (!this.subscription) await this.projector.catchUp(this.store);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Unavailable('DIRECTORY_LAGGING', 'Справочник сотрудников ещё обновляется; повторите запрос'),
          ),
        WAIT_MS,
      );
    });
    try {
      await Promise.race([
        this.subscription ? this.subscription.caughtUpTo(position) : Promise.resolve(),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async subscribe(): Promise<void> {
    const subscription = await this.projector.follow(this.store);
    this.subscription = subscription;
    subscription.done.catch(async (error: unknown) => {
      if (this.stopped) return;
      this.log.warn(`справочник: пакет не применён, повтор (${String(error)})`);
      await new Promise((r) => setTimeout(r, RESUBSCRIBE_MS));
      if (!this.stopped) await this.subscribe().catch((e: unknown) => this.log.error(String(e)));
    });
  }
}
