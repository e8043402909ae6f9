import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ApiMetrics } from './api-metrics';
import { API_METRICS } from './tokens';

/**
 * Times every request by its route pattern (`/procedures/:id/performed`, never the concrete ids, so the number
 * of series stays the number of routes); a request no route matched is `unmatched`.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(API_METRICS) private readonly metrics: ApiMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.requestDuration.startTimer();
    res.once('finish', () => {
      const pattern = (req.route as { path?: string } | undefined)?.path;
      end({
        method: req.method,
        route: pattern ? `${req.baseUrl}${pattern}` : 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  }
}
