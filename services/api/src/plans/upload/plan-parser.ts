import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { VsokoConfig } from '@vsoko/config';
import { PlanParsePool } from '@vsoko/plan-import';
import { CONFIG } from '../../infrastructure/tokens';

/** The API's pool of parsing threads, with the upload limits of the configuration; ended with the API. */
@Injectable()
export class PlanParser extends PlanParsePool implements OnApplicationShutdown {
  constructor(@Inject(CONFIG) config: VsokoConfig) {
    super({ limits: config.uploadLimits });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
