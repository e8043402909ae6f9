import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { VsokoConfig } from '@vsoko/config';
import { Forbidden } from '@vsoko/domain';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import { CONFIG } from '../infrastructure/tokens';
import { API_METRICS } from './tokens';
import type { ApiMetrics } from './api-metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Prometheus text format. Who may read it: with `METRICS_TOKEN` set, only a scraper sending
 * `Authorization: Bearer <METRICS_TOKEN>`; without it, only connections from this machine (the peer address of
 * the socket, not X-Forwarded-For, so a proxy in front does not open it to everybody: set a token then).
 */
@ApiTags('Служебное')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(API_METRICS) private readonly metrics: ApiMetrics,
    @Inject(CONFIG) private readonly config: VsokoConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Метрики Prometheus (с этой машины, или с токеном METRICS_TOKEN в Authorization: Bearer)',
  })
  async scrape(@Req() req: Request): Promise<string> {
    this.admit(req);
    req.res?.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }

  private admit(req: Request): void {
    const token = this.config.METRICS_TOKEN;
    if (token) {
      const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const [a, b] = [Buffer.from(sent), Buffer.from(token)];
      if (a.length === b.length && timingSafeEqual(a, b)) return;
      throw new Forbidden('METRICS_TOKEN_REQUIRED', 'Метрики доступны только с токеном METRICS_TOKEN');
    }
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      throw new Forbidden(
        'METRICS_LOOPBACK_ONLY',
        'Метрики доступны только с этой машины; для удалённого сбора задайте METRICS_TOKEN',
      );
    }
  }
}
