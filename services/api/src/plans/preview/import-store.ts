import { Inject, Injectable } from '@nestjs/common';
import { canActFor, type Principal } from '@vsoko/accounts';
import { NotFound, type Actor } from '@vsoko/domain';
import type { PlanPreview } from '@vsoko/plan-import';
import type { Db } from 'mongodb';
import { importIdFor } from '../../shared/import-ids';
import { READ_DB } from '../../infrastructure/tokens';
import type { TemplateOrigin } from '../templates/template-origin';

export interface StoredImport {
  _id: string;
  /** `template`: the preview adopts a district template rather than the school's own file. */
  preview: PlanPreview & { template?: TemplateOrigin };
  uploadedBy: Actor;
  uploadedAt: string;
  /** The workflow of its last approval's fan-out, for GET /plans/imports/:id/approval. */
  approval?: { workflowId: string };
}

/**
 * Previews wait here for approval. An import id is a capability (approving needs nothing else), so it is 96
 * random bits, never derived from the file: knowing a school's plan file must not let anyone name its preview.
 * Uploading the same file again still finds the same preview, through `plan_import_keys` keyed by the
 * content key (FerretDB indexes only `_id`: both lookups are by `_id`).
 */
@Injectable()
export class ImportStore {
  constructor(@Inject(READ_DB) private readonly db: Db) {}

  private get collection() {
    return this.db.collection<StoredImport>('plan_imports');
  }

  /** Stores the preview under the import id of its content key (a new random one the first time). */
  async save(contentKey: string, doc: Omit<StoredImport, '_id'>): Promise<string> {
    const importId = await importIdFor(this.db, 'plan_import_keys', 'imp', contentKey);
    const preview = { ...doc.preview, importId };
    // $set keeps what the stored preview learnt since (the workflow of its approval).
    await this.collection.updateOne({ _id: importId }, { $set: { ...doc, preview } }, { upsert: true });
    return importId;
  }

  /** The stored preview, only for a caller who may act for its school; to anyone else it does not exist. */
  async getFor(importId: string, principal: Principal): Promise<StoredImport> {
    const doc = await this.collection.findOne({ _id: importId });
    if (!doc || !canActFor(principal, doc.preview.schoolId)) {
      throw new NotFound('PLAN_IMPORT_NOT_FOUND', `Импорт ${importId} не найден: загрузите файл заново`);
    }
    return doc;
  }

  async recordApproval(importId: string, workflowId: string): Promise<void> {
    await this.collection.updateOne({ _id: importId }, { $set: { approval: { workflowId } } });
  }
}
