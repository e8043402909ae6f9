import { Module } from '@nestjs/common';
import { LocalBlobStore } from '@vsoko/blob-store';
import type { VsokoConfig } from '@vsoko/config';
import * as path from 'node:path';
import { CONFIG } from '../infrastructure/tokens';
import { DecisionsController } from './decisions.controller';
import { DecisionTimers } from './use-cases/decision-timers';
import { DecisionUseCases } from './use-cases/decision-use-cases';
import { BLOB_STORE, EvidenceFiles } from './use-cases/evidence-files';

@Module({
  controllers: [DecisionsController],
  providers: [
    DecisionUseCases,
    DecisionTimers,
    EvidenceFiles,
    {
      // Evidence files in <data dir>/blobs; an S3-compatible store implements the same port in production.
      provide: BLOB_STORE,
      inject: [CONFIG],
      useFactory: (config: VsokoConfig) => new LocalBlobStore(path.join(config.VSOKO_DATA_DIR, 'blobs')),
    },
  ],
  exports: [DecisionUseCases],
})
export class DecisionRecordsModule {}
