import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import type { VsokoConfig } from '@vsoko/config';
import type { EventStore } from '@vsoko/event-store';
import { NOTIFICATIONS_TASK_QUEUE } from '@vsoko/workflows/notifications/definitions';
import { PROCEDURES_TASK_QUEUE } from '@vsoko/workflows/procedure/definitions';
import type { Db } from 'mongodb';
import { Public } from '../auth/access.decorators';
import { CONFIG, EVENT_STORE, READ_DB, TEMPORAL_CONNECTION } from '../infrastructure/tokens';
import { ProjectorLag } from '../observability/projector-lag';
import { withTimeout } from '../observability/with-timeout';

const TIMEOUT_MS = 3_000;
const { TASK_QUEUE_TYPE_WORKFLOW: WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY: ACTIVITY } =
  proto.api.enums.v1.TaskQueueType;
/** The queues the worker serves, each by the kind of task its worker polls (notifications runs activities only). */
const TASK_QUEUES = [
  { name: PROCEDURES_TASK_QUEUE, type: WORKFLOW },
  { name: NOTIFICATIONS_TASK_QUEUE, type: ACTIVITY },
];
/** Read models older than this are reported as behind (a command's effect is normally visible within a second). */
export const PROJECTOR_BEHIND_SECONDS = 30;

@ApiTags('Служебное')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly lag: ProjectorLag,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Db,
    @Inject(CONFIG) private readonly config: VsokoConfig,
  ) {}

  /**
   * 503 when a server the API needs does not answer. A part that merely lags — the projector behind the log, a
   * task queue without workers or with a backlog — keeps 200 and says so in its details, so a load balancer does
   * not take the API away while it can still accept commands.
   */
  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Состояние: Temporal и воркеры, журнал событий, MongoDB, отставание проектора',
  })
  check() {
    return this.health.check([
      () =>
        this.probe('temporal', async () => {
          const info = await this.temporal.workflowService.getSystemInfo({});
          const queues = await Promise.all(
            TASK_QUEUES.map(async ({ name, type }) => [name, await this.queue(name, type)]),
          );
          return { serverVersion: info.serverVersion, taskQueues: Object.fromEntries(queues) };
        }),
      () => this.probe('eventStore', async () => ({ headPosition: await this.store.headPosition() })),
      () =>
        this.probe('mongodb', async () => {
          await this.db.command({ ping: 1 });
          return {};
        }),
      () =>
        this.probe('projector', async () => {
          const lag = await this.lag.measure();
          return {
            checkpoint: lag.checkpoint,
            lagEvents: lag.events,
            lagSeconds: Math.round(lag.seconds * 10) / 10,
            behind: lag.seconds > PROJECTOR_BEHIND_SECONDS,
          };
        }),
    ]);
  }

  /** Workers polling a task queue, and whether tasks wait for them. */
  private async queue(name: string, taskQueueType: proto.api.enums.v1.TaskQueueType) {
    const res = await this.temporal.workflowService.describeTaskQueue({
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: { name, kind: proto.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType,
      includeTaskQueueStatus: true,
    });
    const pollers = res.pollers?.length ?? 0;
    const backlog = Number(res.taskQueueStatus?.backlogCountHint ?? 0);
    return { pollers, backlog, behind: pollers === 0 || backlog > 0 };
  }

  private async probe(
    key: string,
    check: () => Promise<Record<string, unknown>>,
  ): Promise<HealthIndicatorResult> {
    const indicator = this.indicator.check(key);
    try {
      const details = await withTimeout(check(), TIMEOUT_MS);
      return indicator.up(details);
    } catch (e) {
      return indicator.down({ message: e instanceof Error ? e.message : String(e) });
    }
  }
}
