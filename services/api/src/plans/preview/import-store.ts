import { Inject, Injectable } from '@nestjs/common';
import { NotFound, type Actor } from '@vsoko/domain';
import type { PlanPreview } from '@vsoko/plan-import';
import type { Db } from 'mongodb';
import { READ_DB } from '../../infrastructure/tokens';
import type { TemplateOrigin } from '../templates/template-origin';

export interface StoredImport {
  _id: string;
  /** `template`: the preview adopts a district template rather than the school's own file. */
  preview: PlanPreview & { template?: TemplateOrigin };
  uploadedBy: Actor;
  uploadedAt: string;
}

/**
 * Previews wait here for approval. The id is derived from the file's bytes, school and year, so uploading the
 * same file again finds the same preview (FerretDB indexes only `_id`: this is the only lookup).
 */
@Injectable()
export class ImportStore {
  constructor(@Inject(READ_DB) private readonly db: Db) {}

  private get collection() {
    return this.db.collection<StoredImport>('plan_imports');
  }

  async save(doc: StoredImport): Promise<void> {
    await this.collection.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async get(importId: string): Promise<StoredImport> {
    const doc = await this.collection.findOne({ _id: importId });
    if (!doc)
      throw new NotFound('PLAN_IMPORT_NOT_FOUND', `Импорт ${importId} не найден: загрузите файл заново`);
    return doc;
  }
}
