import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import type { Connection } from '@temporalio/client';
import type { EventStore } from '@vsoko/event-store';
import type { Db } from 'mongodb';
import { Public } from '../auth/access.decorators';
import { EVENT_STORE, READ_DB, TEMPORAL_CONNECTION } from '../infrastructure/tokens';

const TIMEOUT_MS = 3_000;

@ApiTags('Служебное')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Db,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Состояние зависимостей: Temporal, журнал событий, MongoDB' })
  check() {
    return this.health.check([
      () =>
        this.probe('temporal', async () => {
          const info = await this.temporal.workflowService.getSystemInfo({});
          return { serverVersion: info.serverVersion };
        }),
      () => this.probe('eventStore', async () => ({ headPosition: await this.store.headPosition() })),
      () =>
        this.probe('mongodb', async () => {
          await this.db.command({ ping: 1 });
          return {};
        }),
    ]);
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`нет ответа за ${ms} мс`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
