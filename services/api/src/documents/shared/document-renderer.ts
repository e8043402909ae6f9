import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { BlobStore } from '@vsoko/blob-store';
import type { VsokoConfig } from '@vsoko/config';
import { DocumentRenderPool, type DocumentKind } from '@vsoko/documents';
import { documentTemplatesDecider, documentTemplatesStreamName, Unavailable } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { BLOB_STORE, CONFIG } from '../../infrastructure/tokens';

/**
 * Fills a document's template in the pool's worker thread: the school's own template when its log names one
 * (the file is in the blob store under the recorded SHA-256), else the committed default.
 */
@Injectable()
export class DocumentRenderer extends DocumentRenderPool implements OnApplicationShutdown {
  constructor(
    @Inject(CONFIG) config: VsokoConfig,
    private readonly handler: DeciderHandler,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {
    super({ limits: config.uploadLimits });
  }

  async renderFor(schoolId: string, kind: DocumentKind, data: object): Promise<Buffer> {
    const { state } = await this.handler.load(
      documentTemplatesStreamName(schoolId),
      documentTemplatesDecider,
    );
    const own = state.templates[kind];
    if (!own) return this.render(kind, data);
    const bytes = await this.blobs.get(own.sha256);
    if (!bytes) {
      throw new Unavailable(
        'TEMPLATE_FILE_MISSING',
        `Файл шаблона школы «${own.fileName}» не найден в хранилище: загрузите шаблон заново или верните стандартный`,
      );
    }
    return this.render(kind, data, bytes);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
