import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { VsokoConfig } from '@vsoko/config';
import helmet from 'helmet';

/** Security headers, CORS for the configured origins only, and a loud note when the dev stand-in is on. */
export function harden(app: NestExpressApplication, config: VsokoConfig): void {
  // No upgrade-insecure-requests: the embedded stack serves plain HTTP on loopback; TLS ends at the proxy.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const origins = config.corsOrigins;
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'X-Api-Key',
        'X-School-Id',
        'Idempotency-Key',
        'If-Match',
        'X-Correlation-Id',
      ],
      exposedHeaders: ['Location', 'Retry-After'],
      maxAge: 600,
    });
  }
  if (config.AUTH_DEV_HEADERS) {
    new Logger('Auth').warn(
      'AUTH_DEV_HEADERS=true: пользователь берётся из заголовков X-Actor-*, вход не проверяется — только для разработки',
    );
  }
}
