import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { VsokoConfig } from '@vsoko/config';
import { loggerOptions } from '@vsoko/observability';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { CONFIG, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import { ReadModelsModule } from '../read-models/read-models.module';
import { createApiMetrics } from './api-metrics';
import { correlationIdOf } from './correlation';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { ProjectorLag } from './projector-lag';
import { API_METRICS } from './tokens';

/** Paths polled by machines: timed and counted, not logged line by line. */
const POLLED = /^\/(health|metrics)(\/|\?|$)/;

/**
 * JSON logs through pino (a line per request with its correlation id, route, status and duration; every log
 * line written while serving a request carries the same correlation id), `/metrics`, and the projector's lag
 * that `/health` reports too.
 */
@Module({
  imports: [
    ReadModelsModule,
    LoggerModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: VsokoConfig) => ({
        pinoHttp: {
          ...loggerOptions('api', config.LOG_LEVEL),
          genReqId: correlationIdOf,
          // Bound to the request's logger, so every line written while serving it carries the id.
          customProps: (req) => ({ correlationId: req.id }),
          autoLogging: { ignore: (req) => POLLED.test(req.url ?? '') },
          customLogLevel: (_req, res, error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          // Method and path only: headers carry credentials, and calendar feed addresses carry a token in the query.
          serializers: {
            req: (req: { method: string; url: string }) => ({
              method: req.method,
              path: req.url.split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
  controllers: [MetricsController],
  providers: [
    ProjectorLag,
    {
      provide: API_METRICS,
      inject: [ProjectorLag, TEMPORAL_CLIENT, PinoLogger],
      useFactory: (lag: ProjectorLag, temporal: Client, logger: PinoLogger) =>
        createApiMetrics({
          lag,
          temporal,
          onCollectError: (part, error) => logger.warn({ part, err: error }, 'метрика не измерена'),
        }),
    },
  ],
  exports: [ProjectorLag],
})
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
