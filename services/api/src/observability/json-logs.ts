import type { INestApplication } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import { QuietNestLogger } from './quiet-nest-logger';

/** Nest's own lines through pino too (start-up chatter at debug), or, for tests that ask, no lines at all. */
export function useJsonLogs(app: INestApplication, enabled: boolean): void {
  if (enabled) {
    app.useLogger(new QuietNestLogger(app.get(Logger)));
  } else {
    app.useLogger(false);
    PinoLogger.root.level = 'silent';
  }
  app.flushLogs();
}
